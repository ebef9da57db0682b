/*-------------------------------------------------------------------------
 *
 * layout.h
 *	  The layout model: what the bytes of a record mean.
 *
 * A layout is a forest of fields, one tree per record definition (a COBOL
 * 01-level record, a DB2 punch's INTO TABLE block, or the explicit column
 * options of a foreign table).  Fields are stored in one array in source
 * order; parent/first_child/next_sibling link the trees.  Every field has a
 * static offset computed as IBM Enterprise COBOL would with every OCCURS
 * DEPENDING ON table at its maximum (the layout cb2xml and copybook
 * listings show).
 *
 * When a record definition contains an OCCURS DEPENDING ON table or a
 * varying-length field that is not padded (DB2 NOPAD VARCHAR), positions
 * depend on the record's bytes: items after a variable table sit where z/OS
 * places them, right after the actual occurrences.  A zf_cursor resolves
 * those per record.  Static records never need one: offset + index * length
 * is the position.
 *
 * Layouts are built by copybook.c, punch.c, or the fdw's explicit column
 * options through the builder functions below, and freed with
 * zf_layout_free.  All strings live in the layout's own memory.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_LAYOUT_H
#define ZF_LAYOUT_H

#include "base/status.h"
#include "decode/decimal.h"

/* What a field's bytes are. */
typedef enum zf_kind
{
	ZF_KIND_GROUP = 0,			/* a group item: its children */
	ZF_KIND_ALNUM,				/* PIC X / A, DB2 CHAR: text in the page */
	ZF_KIND_DBCS,				/* PIC G, DISPLAY-1, DB2 GRAPHIC: DBCS, no SO/SI */
	ZF_KIND_NATIONAL,			/* PIC N USAGE NATIONAL: UTF-16BE */
	ZF_KIND_ZONED,				/* numeric DISPLAY */
	ZF_KIND_PACKED,				/* COMP-3, PACKED-DECIMAL, DB2 DECIMAL */
	ZF_KIND_BINARY,				/* COMP, COMP-4, BINARY, COMP-5, DB2 integers */
	ZF_KIND_FLOAT,				/* COMP-1 (4), COMP-2 (8), DB2 REAL/FLOAT */
	ZF_KIND_EDITED,				/* numeric-edited picture: text to number */
	ZF_KIND_VARCHAR,			/* DB2 VARCHAR: length prefix + text */
	ZF_KIND_VARGRAPHIC,			/* DB2 VARGRAPHIC: prefix in DBCS chars */
	ZF_KIND_DATE,				/* DB2 DATE EXTERNAL */
	ZF_KIND_TIME,				/* DB2 TIME EXTERNAL */
	ZF_KIND_TIMESTAMP,			/* DB2 TIMESTAMP EXTERNAL */
	ZF_KIND_TIMESTAMP_TZ,		/* DB2 TIMESTAMP WITH TIME ZONE EXTERNAL */
	ZF_KIND_DECFLOAT,			/* DB2 DECFLOAT(16/34), DPD encoded */
	ZF_KIND_BYTES,				/* DB2 BINARY/VARBINARY/ROWID, FOR BIT DATA */
	ZF_KIND_LOB,				/* inline BLOB/CLOB/DBCLOB/XML: prefix + data */
	ZF_KIND_LOB_FILE			/* BLOBF/CLOBF/DBCLOBF: the data is a path */
} zf_kind;

/* Where a layout came from: changes a few defaults in the fdw. */
typedef enum zf_source
{
	ZF_SOURCE_COPYBOOK = 0,
	ZF_SOURCE_PUNCH,
	ZF_SOURCE_COLUMNS
} zf_source;

/* Floating-point byte format of ZF_KIND_FLOAT fields. */
typedef enum zf_float_format
{
	ZF_FLOAT_HFP = 0,			/* IBM hexadecimal (the mainframe default) */
	ZF_FLOAT_IEEE				/* big-endian IEEE 754 */
} zf_float_format;

#define ZF_NO_FIELD		(-1)
#define ZF_NO_OFFSET	UINT32_MAX

/*
 * A pointer member added to zf_field, zf_when or zf_recdef must be packed
 * too (layout_pack.c): a parallel worker gets the layout that way.
 */
typedef struct zf_field
{
	const char *name;			/* as written: "CUST-ID", "FILLER", "" */
	const char *sql_name;		/* lower case, '-' as '_': "cust_id" */
	int32_t		parent;			/* ZF_NO_FIELD for a record root */
	int32_t		first_child;
	int32_t		next_sibling;
	int16_t		level;			/* 1..49, 66, 77; 0 for punch/explicit */
	int16_t		depth;			/* 0 for a record root */
	zf_kind		kind;
	const char *usage;			/* canonical: "display", "comp-3", "char" */
	const char *picture;		/* as written, NULL when none */

	/* position and size (static layout: ODO tables at their maximum) */
	uint32_t	offset;			/* bytes from the start of the record */
	uint32_t	length;			/* bytes of one occurrence (groups: all) */
	uint32_t	occurs_min;
	uint32_t	occurs_max;		/* 0: not a table */
	int32_t		depending_on;	/* field index of the ODO object, or -1 */
	int32_t		redefines;		/* field index it redefines, or -1 */
	int32_t		renames_first;	/* 66-level: first field renamed, or -1 */
	int32_t		renames_last;	/* 66-level: last field (THRU), or -1 */

	/* numbers */
	uint16_t	digits;			/* digit positions stored (P excluded) */
	int16_t		scale;			/* value = digits * 10^-scale; P left of the
								 * digits raises it, P right makes it < 0 */
	bool		is_signed;
	zf_sign_kind sign;			/* zoned sign placement */
	bool		binary_native;	/* COMP-5: full binary range (no PIC limit) */
	bool		binary_little;	/* binary bytes little-endian (COMP-5 of
								 * GnuCOBOL and Micro Focus on x86, column
								 * option byte_order 'little') */

	/* other attributes */
	bool		is_filler;		/* FILLER or unnamed */
	bool		justified_right;
	bool		blank_when_zero;
	bool		sync;
	bool		variable;		/* offset or size depends on record bytes */
	bool		fixed_offset;	/* placed at an explicit offset given to
								 * zf_layout_add (punch POSITION, column
								 * option), not after its previous sibling */

	/* DB2 punch attributes */
	uint8_t		length_prefix;	/* 0, 2 or 4 bytes of length before data */
	bool		nopad;			/* varying data takes only its actual size */
	bool		has_null_ind;	/* a null indicator byte belongs to it */
	int32_t		null_ind_rel;	/* its position relative to offset (-1:
								 * the byte before the field) */
	uint8_t		null_ind_value; /* the byte that means NULL (X'FF') */
	bool		null_ind_any;	/* NULL when the byte is anything but X'00'
								 * (UNLOAD writes X'FF'; DSNTIAUL X'6F') */
	uint8_t		lead_bytes;		/* bytes in front of the field that belong
								 * to it in sequential placement (the null
								 * indicator of POSITION(*) fields) */
	uint8_t		frac_digits;	/* TIMESTAMP(p): p */
	int32_t		ccsid;			/* field CCSID when it differs, else 0 */
	bool		for_bit_data;	/* raw bytes, no translation */
	bool		mixed;			/* DB2 MIXED data: SBCS with SO/SI */
	const char *date_format;	/* DB2 date/time external format, or NULL */
	bool		scale_unknown;	/* DB2 DECIMAL from a punch without DDL: the
								 * digits come from the byte length and the
								 * scale (0 here) is not known; a column's
								 * numeric(p,s) typmod may give it */
} zf_field;

/* The byte of a DB2 null indicator that means NULL, as UNLOAD writes it. */
#define ZF_NULL_IND_NULL	0xFF

/*
 * Give field f a DB2 null indicator byte rel bytes from its start (-1:
 * the byte before it), X'FF' meaning NULL: an explicit column's option
 * null_indicator.
 */
static inline void
zf_field_null_indicator(zf_field *f, int32_t rel)
{
	f->has_null_ind = true;
	f->null_ind_value = ZF_NULL_IND_NULL;
	f->null_ind_any = false;
	f->null_ind_rel = rel;
}

/*
 * Bytes per unit of a field's DB2 length prefix: VARGRAPHIC and DBCLOB
 * count DBCS characters of 2 bytes, as does a LOB in UTF-16 (CCSID
 * 1200); the others count bytes.
 */
static inline uint32_t
zf_field_prefix_unit(const zf_field *f)
{
	return f->kind == ZF_KIND_VARGRAPHIC ||
		(f->kind == ZF_KIND_LOB && f->ccsid == 1200) ? 2 : 1;
}

/* A condition that selects the records of one record definition. */
typedef struct zf_when
{
	uint32_t	offset;			/* 0-based byte offset in the record */
	uint32_t	length;
	const uint8_t *value;		/* raw bytes to compare with */
	bool		negate;			/* <> instead of = */
} zf_when;

/* One record definition: a 01-level record or a punch's INTO TABLE. */
typedef struct zf_recdef
{
	int32_t		root;			/* field index of its top group */
	const char *name;			/* "ACCOUNT-RECORD", "CREATOR.TABLE" */
	uint32_t	min_length;		/* bytes with every ODO at its minimum and
								 * every NOPAD field empty */
	uint32_t	max_length;		/* bytes of the static layout */
	bool		is_static;		/* no ODO and no NOPAD varying field */
	int32_t		nwhen;
	zf_when    *when;			/* all must hold (DB2 WHEN, segment filter) */

	/* DB2 punch information (NULL / 0 for copybooks) */
	const char *creator;
	const char *table;
	int32_t		part;			/* PART n, 0 if none */
	zf_float_format float_format;
	int32_t		ccsid_sbcs, ccsid_mixed, ccsid_dbcs;
	bool		unicode;		/* UNICODE CCSID(367,1208,1200) */
	bool		ascii;			/* ASCII CCSID(...) */
	bool		spanned;		/* FORMAT SPANNED YES */
	bool		is_delimited;	/* FORMAT DELIMITED: fields in order, no
								 * positions (offsets mean nothing) */
	char		coldel;			/* its COLDEL, CHARDEL and DECPT as
								 * characters (ASCII, whatever the data's */
	char		chardel;		/* code page: X'6B' in an EBCDIC punch is */
	char		decpt;			/* ','); DB2's defaults ',', '"', '.' */
} zf_recdef;

typedef struct zf_layout
{
	zf_source	source;
	zf_field   *fields;
	int32_t		nfields;
	zf_recdef  *records;
	int32_t		nrecords;
	void	   *mem;			/* private: the arena that owns everything */
} zf_layout;

/* Bounds on what a layout may hold; see zf_limits_default(). */
typedef struct zf_limits
{
	uint32_t	max_record_length;	/* bytes of a record definition */
	uint32_t	max_fields;		/* fields in a layout */
	uint32_t	max_occurs;		/* occurrences of one table */
	uint32_t	max_depth;		/* nesting of groups */
	uint32_t	max_source_bytes;	/* size of copybook / punch text */
} zf_limits;

extern void zf_limits_default(zf_limits *lim);

/* ---- building (copybook.c, punch.c, explicit columns) ---- */

extern zf_layout *zf_layout_new(zf_source source, zf_error *err);

/*
 * Limits that zf_layout_add enforces while the layout is built (fields,
 * depth, occurrences); zf_limits_default() until this is called.
 * zf_layout_finish checks its own limits again.
 */
extern void zf_layout_set_limits(zf_layout *L, const zf_limits *lim);

/* Copy a string into the layout's memory. */
extern const char *zf_layout_strdup(zf_layout *L, const char *s);
extern void *zf_layout_alloc(zf_layout *L, size_t size);

/*
 * Append a field under parent (ZF_NO_FIELD starts a new record
 * definition).  The template's links and offset are ignored; its other
 * members are copied.  explicit_offset places the field at a fixed offset
 * (punch POSITION, column option position) instead of after its previous
 * sibling; pass ZF_NO_OFFSET for sequential placement.  Returns the new
 * field's index, or -1 with err set (limits).
 */
extern int32_t zf_layout_add(zf_layout *L, const zf_field *tmpl,
							 int32_t parent, uint32_t explicit_offset,
							 zf_error *err);

/*
 * Resolve the layout: sizes of groups, offsets, REDEFINES, SYNC slack
 * bytes (IBM rules), OCCURS, static/variable flags, record lengths.
 * Checks the limits.  Must be called once, after the last zf_layout_add.
 */
extern zf_status zf_layout_finish(zf_layout *L, const zf_limits *lim,
								  zf_error *err);

extern void zf_layout_free(zf_layout *L);

/* ---- a finished layout as bytes, for another process (layout_pack.c) ---- */

/* Bytes zf_layout_pack writes for L. */
extern size_t zf_layout_packed_size(const zf_layout *L);

/* Write L into buf, which has zf_layout_packed_size(L) bytes. */
extern void zf_layout_pack(const zf_layout *L, void *buf);

/*
 * The layout packed into buf (len bytes) by zf_layout_pack of the same
 * build, in memory of its own (zf_layout_free); NULL with err set when the
 * bytes are not such a layout or memory runs out.
 */
extern zf_layout *zf_layout_unpack(const void *buf, size_t len,
								   zf_error *err);

/* ---- querying ---- */

/* Normalise a COBOL/DB2 name for SQL: lower case, '-' as '_'. */
extern void zf_sql_name(const char *name, char *dst, size_t cap);

/* Index of the record definition with this name (case-insensitive, '-' and
 * '_' alike), or -1. */
extern int32_t zf_layout_record(const zf_layout *L, const char *name);

/*
 * Find a field of record definition rec by SQL name or dotted path of SQL
 * names ("account.balance").  A name that matches several fields is
 * ZF_E_ARG with the candidates in err->detail; none is ZF_E_ARG too.
 * FILLERs are never matched by name.
 */
extern zf_status zf_layout_find(const zf_layout *L, int32_t rec,
								const char *path, int32_t *field,
								zf_error *err);

/* Dotted path of SQL names from below the record root to field f. */
extern void zf_field_path(const zf_layout *L, int32_t f, char *dst,
						  size_t cap);

/*
 * The PostgreSQL type a field maps to by default: "numeric(9,2)",
 * "integer", "text", "date", "jsonb" (group), with "[]" appended once per
 * OCCURS level above and at the field.
 */
extern void zf_field_pg_type(const zf_layout *L, int32_t f, char *dst,
							 size_t cap);

/* Number of OCCURS levels at and above f (the array dimensions). */
extern int	zf_field_dimensions(const zf_layout *L, int32_t f);

/* The OCCURS fields at and above f, outermost first; returns the count. */
extern int	zf_field_tables(const zf_layout *L, int32_t f, int32_t *tables,
							int max);

/* True for kinds that decode to a number. */
extern bool zf_kind_is_numeric(zf_kind kind);

/* ---- per-record positions for variable layouts ---- */

typedef struct zf_cursor zf_cursor;

/*
 * Working memory to resolve positions in records of definition rec.  cs
 * tells how zoned ODO objects are written.  Static definitions get a
 * cursor too (every call is then O(1)).
 */
extern zf_cursor *zf_cursor_create(const zf_layout *L, int32_t rec,
								   zf_charset cs, zf_error *err);

/* Point the cursor at one record's bytes; forgets the previous record. */
extern void zf_cursor_bind(zf_cursor *c, const uint8_t *data, uint32_t len);

/*
 * Actual occurrences of table f in the bound record.  outer_idx holds the
 * 0-based index of every OCCURS level above f, outermost first.  An ODO
 * object outside occurs_min..occurs_max, negative or not numeric is
 * ZF_E_BAD_DATA naming the object and its bytes.
 */
extern zf_status zf_cursor_count(zf_cursor *c, int32_t f,
								 const uint32_t *outer_idx, uint32_t *count,
								 zf_error *err);

/*
 * Offset and length, in the bound record, of field f at idx (one 0-based
 * index per OCCURS level at and above f, outermost first; NULL when there
 * is none).  For NOPAD varying fields the length is the actual one,
 * prefix included.  A field that lies beyond the record's end is
 * ZF_E_BAD_DATA ("record is N bytes, field X needs M").
 */
extern zf_status zf_cursor_locate(zf_cursor *c, int32_t f,
								  const uint32_t *idx, uint32_t *offset,
								  uint32_t *length, zf_error *err);

/* Bytes the bound record should have according to the layout. */
extern zf_status zf_cursor_record_length(zf_cursor *c, uint32_t *length,
										 zf_error *err);

extern void zf_cursor_free(zf_cursor *c);

/* True when all WHEN conditions of record definition rec hold. */
extern bool zf_recdef_matches(const zf_recdef *rd, const uint8_t *data,
							  uint32_t len);

#endif							/* ZF_LAYOUT_H */
