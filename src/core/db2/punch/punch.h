/*-------------------------------------------------------------------------
 *
 * punch.h
 *	  DB2 for z/OS SYSPUNCH parser: the LOAD statement that UNLOAD (and
 *	  REORG UNLOAD EXTERNAL, DSNTIAUL) generates, into a zf_layout.
 *
 * Each INTO TABLE block becomes one record definition (zf_recdef) whose
 * creator, table, part, WHEN conditions, CCSIDs and float format come from
 * the statement, and whose fields are the block's field specifications
 * with their POSITIONs, types, null indicators and varying-length
 * prefixes.  DECIMAL precision and scale are not in a punch: without a
 * DDL, packed fields get the digits their byte length allows, scale 0 and
 * scale_unknown set; with the table's DDL (zf_punch_opts.ddl) they get
 * DB2's precision and scale, and columns FOR BIT DATA become bytes.
 *
 * What a punch says, field by field:
 *	 - POSITION(s:e): the field (length prefix included, null indicator
 *	   not) occupies bytes s..e; a varying field is padded to that slot;
 *	 - POSITION(s) alone: the field starts at s; a varying field is padded
 *	   up to the next field's position, or is unpadded when the next field
 *	   is POSITION(*) or there is none (DSNTIAUL, SPANNED YES);
 *	 - POSITION(*): right after the previous field, unpadded (NOPAD);
 *	 - NULLIF(p)=X'FF': byte p is the null indicator, before the field
 *	   (UNLOAD) or after it (DSNTIAUL, NULLIF(p)='?');
 *	 - NULLIF(DSN_NULL_IND_nnnnn)=X'FF': the one-byte field of that name,
 *	   right before the field, is its indicator.
 * DSN_NULL_IND_nnnnn fields are kept in the layout as named fillers.
 *
 * FORMAT INTERNAL, CONTINUEIF, INCURSOR, DEFAULTIF and NULLIF conditions
 * of more than one byte are refused with ZF_E_UNSUPPORTED and a message
 * that says what to do instead.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_PUNCH_H
#define ZF_PUNCH_H

#include "db2/ddl/db2ddl.h"
#include "layout/layout.h"

/* Largest data of a DB2 VARCHAR, VARBINARY (bytes) or VARGRAPHIC (twice
 * its characters): the maximum of an unpadded field the punch and the
 * DDL leave open. */
#define ZF_PUNCH_VARCHAR_MAX	32704

typedef struct zf_punch_opts
{
	zf_limits	limits;
	const zf_db2_script *ddl;	/* DDL of the tables, or NULL */
} zf_punch_opts;

extern void zf_punch_opts_init(zf_punch_opts *opts);

/*
 * Parse SYSPUNCH text (80-column card images, sequence numbers in columns
 * 73-80, TEMPLATE statements and JCL around the LOAD statement are
 * tolerated) into a layout.  Errors name line and column.
 */
extern zf_layout *zf_punch_parse(const char *text, size_t len,
								 const zf_punch_opts *opts, zf_error *err);

/*
 * The table of the DDL that describes record definition rd: the one
 * named creator.table, else the only one named table, else the only
 * table of the script.  NULL when none fits.
 */
extern const zf_db2_table *zf_punch_ddl_table(const zf_db2_script *ddl,
											  const zf_recdef *rd);

/*
 * True when record definitions a and b of L have the same fields at the
 * same places with the same types (the partition blocks of one table).
 */
extern bool zf_punch_same_layout(const zf_layout *L, int32_t a, int32_t b);

/*
 * The PostgreSQL type a punch field maps to: numeric(p,s) for a DECIMAL
 * whose scale is known and plain numeric when it is not, numbers for the
 * EXTERNAL numeric types, and zf_field_pg_type for everything else.
 */
extern void zf_punch_pg_type(const zf_layout *L, int32_t f, char *dst,
							 size_t cap);

#endif							/* ZF_PUNCH_H */
