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
 * prefixes.  DECIMAL precision and scale are not in a punch: fields get
 * the digits their byte length allows and scale 0 unless a DDL says
 * otherwise (see zf_punch_apply_ddl).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_PUNCH_H
#define ZF_PUNCH_H

#include "layout.h"

typedef struct zf_punch_opts
{
	zf_limits	limits;
} zf_punch_opts;

extern void zf_punch_opts_init(zf_punch_opts *opts);

/*
 * Parse SYSPUNCH text (80-column card images, sequence numbers in columns
 * 73-80, TEMPLATE statements and JCL around the LOAD statement are
 * tolerated) into a layout.  Errors name line and column.
 */
extern zf_layout *zf_punch_parse(const char *text, size_t len,
								 const zf_punch_opts *opts, zf_error *err);

#endif							/* ZF_PUNCH_H */
