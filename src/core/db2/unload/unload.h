/*-------------------------------------------------------------------------
 *
 * unload.h
 *	  Writing DB2 for z/OS UNLOAD data sets: the record layout of a list of
 *	  columns, each value into its bytes, and the matching LOAD statement
 *	  (SYSPUNCH) and CREATE TABLE.  The writing counterpart of
 *	  db2/punch/punch.h, which reads what this writes.
 *
 * The records are those of UNLOAD ... HEADER NONE without NOPAD: every
 * field at a fixed position, so every record has the same length (RECFM
 * FB; written as VB the records keep that length):
 *	 - a nullable column has a one-byte NULL indicator right before its
 *	   field: X'00' not null, X'FF' null (NULLIF(p)=X'FF' in the punch);
 *	 - SMALLINT, INTEGER, BIGINT: big-endian two's complement, 2, 4, 8
 *	   bytes;
 *	 - DECIMAL(p,s): packed, p/2+1 bytes, sign C or D;
 *	 - REAL, DOUBLE (FLOAT(53)): 4 and 8 bytes of hexadecimal floating
 *	   point (FLOAT(S390), the default) or big-endian IEEE (FLOAT(IEEE)),
 *	   never rounded;
 *	 - CHAR(n): n bytes padded with blanks; VARCHAR(n): a 2-byte length,
 *	   then the data, padded with blanks to n bytes;
 *	 - DATE, TIME, TIMESTAMP EXTERNAL: ISO text "YYYY-MM-DD", "HH.MM.SS",
 *	   "YYYY-MM-DD-HH.MM.SS.NNNNNN", in the SBCS characters of the CCSID.
 * The character data is EBCDIC (a single-byte page, EBCDIC CCSID(n,0,0))
 * or UTF-8 (UNICODE CCSID(367,1208,1200), character columns MIXED).
 * A NULL field holds blanks (character and date/time fields) or zeros.
 *
 * Nothing is rounded or cut: a value that does not fit its column is an
 * error value naming the column.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_UNLOAD_H
#define ZF_UNLOAD_H

#include "base/status.h"
#include "text/codepage.h"

/* DB2 limits that bound a layout. */
#define ZF_UNLOAD_NAME_MAX		128		/* a column or table name */
#define ZF_UNLOAD_CHAR_MAX		255		/* CHAR(n) */
#define ZF_UNLOAD_VARCHAR_MAX	32704	/* VARCHAR(n) */
#define ZF_UNLOAD_LRECL_MAX		32760	/* a record of RECFM FB */

typedef enum zf_unload_type
{
	ZF_UL_SMALLINT,
	ZF_UL_INTEGER,
	ZF_UL_BIGINT,
	ZF_UL_DECIMAL,
	ZF_UL_REAL,
	ZF_UL_DOUBLE,
	ZF_UL_CHAR,
	ZF_UL_VARCHAR,
	ZF_UL_DATE,
	ZF_UL_TIME,
	ZF_UL_TIMESTAMP
} zf_unload_type;

typedef struct zf_unload_column
{
	char		name[ZF_UNLOAD_NAME_MAX + 1];	/* DB2 name, as written */
	zf_unload_type type;
	int			digits;			/* DECIMAL precision, 1..31 */
	int			scale;			/* DECIMAL scale, 0..digits */
	uint32_t	length;			/* CHAR bytes, VARCHAR maximum bytes */
	bool		nullable;
	/* set by zf_unload_layout (0-based) */
	uint32_t	null_pos;		/* the indicator byte (nullable only) */
	uint32_t	offset;			/* the field, length prefix included */
	uint32_t	size;			/* its bytes, length prefix included */
} zf_unload_column;

typedef struct zf_unload
{
	const zf_codepage *cp;
	bool		unicode;		/* UTF-8 data: UNICODE CCSID(367,1208,1200) */
	int			ccsid;			/* the EBCDIC page's CCSID */
	bool		ieee;			/* FLOAT(IEEE), else hexadecimal */
	uint8_t		space;			/* the blank of the data */
	char		creator[ZF_UNLOAD_NAME_MAX + 1];	/* "" when none */
	char		table[ZF_UNLOAD_NAME_MAX + 1];
	zf_unload_column *cols;		/* the caller's array */
	int			ncols;
	uint32_t	lrecl;			/* set by zf_unload_layout */
	uint8_t		scratch[ZF_UNLOAD_VARCHAR_MAX + 8];	/* encoded text */
} zf_unload;

/*
 * Start a description of an unload in code page cp (an EBCDIC
 * single-byte page or utf8; others are ZF_E_UNSUPPORTED) into table_name
 * ("TABLE" or "CREATOR.TABLE", taken as written).  The caller sets cols
 * and ncols, then calls zf_unload_layout.
 */
extern zf_status zf_unload_init(zf_unload *u, const zf_codepage *cp,
								bool ieee, const char *table_name,
								zf_error *err);

/*
 * Place the columns: indicator and field positions, the record length.
 * ZF_E_ARG for a column that DB2 cannot hold (a bad precision, a CHAR or
 * VARCHAR too long, an empty or too long name); ZF_E_LIMIT for a record
 * longer than 32760 bytes.
 */
extern zf_status zf_unload_layout(zf_unload *u, zf_error *err);

/*
 * The LOAD statement of the unload as card images of at most 72 columns
 * (UNLOAD's own shape: LOAD DATA INDDN SYSREC, the CCSIDs, INTO TABLE,
 * one POSITION per field with its NULLIF) into dst (cap bytes); *len
 * gets its length.  zf_unload_punch_bound gives a capacity that suffices.
 */
extern size_t zf_unload_punch_bound(const zf_unload *u);
extern zf_status zf_unload_punch(const zf_unload *u, char *dst, size_t cap,
								 size_t *len, zf_error *err);

/* A DB2 for z/OS CREATE TABLE of the columns, the same way. */
extern zf_status zf_unload_create_table(const zf_unload *u, char *dst,
										size_t cap, size_t *len,
										zf_error *err);

/*
 * Encoding one record of u->lrecl bytes at rec.  zf_unload_record_start
 * fills it as if every column were NULL-free and empty; then each column
 * is set once by one of the zf_unload_put_* calls that fits its type.
 * Each returns ZF_E_OVERFLOW (or ZF_E_CODEPAGE, ZF_E_ARG) with a message
 * naming the column for a value it cannot write exactly.
 */
extern void zf_unload_record_start(const zf_unload *u, uint8_t *rec);
extern void zf_unload_put_null(const zf_unload *u, int col, uint8_t *rec);
extern zf_status zf_unload_put_int(const zf_unload *u, int col, int64_t v,
								   uint8_t *rec, zf_error *err);
/* A DECIMAL from decimal text ("-12.50"). */
extern zf_status zf_unload_put_decimal(const zf_unload *u, int col,
									   const char *s, size_t n,
									   uint8_t *rec, zf_error *err);
extern zf_status zf_unload_put_double(const zf_unload *u, int col, double v,
									  uint8_t *rec, zf_error *err);
/* CHAR or VARCHAR from UTF-8 text. */
extern zf_status zf_unload_put_text(zf_unload *u, int col,
									const char *s, size_t n, uint8_t *rec,
									zf_error *err);
/* DATE (year 1..9999), TIME (whole seconds), TIMESTAMP (microseconds). */
extern zf_status zf_unload_put_date(const zf_unload *u, int col, int year,
									int month, int day, uint8_t *rec,
									zf_error *err);
extern zf_status zf_unload_put_time(const zf_unload *u, int col, int hour,
									int minute, int second, uint8_t *rec,
									zf_error *err);
extern zf_status zf_unload_put_timestamp(const zf_unload *u, int col,
										 int year, int month, int day,
										 int hour, int minute, int second,
										 int micro, uint8_t *rec,
										 zf_error *err);

#endif							/* ZF_UNLOAD_H */
