/*-------------------------------------------------------------------------
 *
 * zfdw.h
 *	  Declarations shared by the files of the zfdw foreign-data wrapper.
 *
 * The fdw layer is thin: it reads options, asks src/core for a layout and
 * for decoded values, and turns those into Datums, plans and ereports.
 * Everything about mainframe bytes lives in src/core.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_H
#define ZFDW_H

#include "postgres.h"
#include "compat.h"

#include "access/tupdesc.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/bitmapset.h"
#include "nodes/pg_list.h"
#include "utils/relcache.h"
#include "utils/palloc.h"

#include "text/codepage.h"
#include "decode/datetime.h"
#include "decode/decimal.h"
#include "layout/layout.h"
#include "io/decompress.h"
#include "records/record_reader.h"
#include "base/status.h"
#include "io/s3.h"
#include "value/value.h"
#include "value/value_write.h"

/* ---- options (options.c) ---- */

typedef enum ZfFormat
{
	ZF_FORMAT_RECORD = 0,		/* layout-driven binary records */
	ZF_FORMAT_DELIMITED			/* delimited text in any code page */
} ZfFormat;

typedef enum ZfOnError
{
	ZF_ON_ERROR_STOP = 0,
	ZF_ON_ERROR_NULL,			/* the bad field becomes NULL */
	ZF_ON_ERROR_SKIP			/* the bad record is skipped */
} ZfOnError;

/* The trim option: core's (value.h), which trims. */
typedef zf_trim ZfTrim;

typedef enum ZfMeta
{
	ZF_META_NONE = 0,
	ZF_META_RECORD_NUMBER,
	ZF_META_FILE_NAME,
	ZF_META_BYTE_OFFSET,
	ZF_META_RECORD_LENGTH,
	ZF_META_RAW_RECORD,
	ZF_META_SEGMENT,
	ZF_META_MEMBER_NAME,		/* the library member a record is from */
	ZF_META_SHARE				/* the table's share_index (0 without) */
} ZfMeta;

/* The null_if option: core's (value.h), which tests the bytes. */
typedef zf_null_if ZfNullIf;

/* The most shares a data set may be split into (share_count). */
#define ZFDW_MAX_SHARES 4096

/* Options of a foreign table, merged from wrapper, server and table. */
typedef struct ZfTableOptions
{
	Oid			serverid;		/* the table's server (S3 endpoint, credentials) */
	char	   *filename;		/* a path or a glob, local or s3:// */
	char	   *program;		/* a shell command to read from */
	ZfFormat	format;
	bool		recfm_given;
	zf_recfm	recfm;
	int32		lrecl;			/* 0: the layout's length */
	bool		rdw_big_endian;
	bool		rdw_includes_header;
	bool		bdw_big_endian;
	bool		bdw_includes_header;
	bool		vbs_has_bdw;	/* recfm 'vbs_bdw' */
	uint8		text_terminator;	/* 0: by code page */
	int64		file_header_bytes;
	int64		file_trailer_bytes;
	zf_compression compression; /* auto (0, the default), none, gzip, ... */
	char	   *codepage;
	char	   *copybook;		/* a path */
	char	   *copybook_text;
	char	   *copybook_format;	/* auto, fixed, free */
	bool		pic_n_dbcs;		/* pic_n 'dbcs' */
	bool		allow_larger_redefines; /* a REDEFINES below level 01 may
										 * be larger than what it redefines
										 * (Cobrix, cb2xml; IBM rejects) */
	char	   *record;
	char	   *punch;
	char	   *punch_text;
	char	   *table;
	char	   *ddl;			/* DB2 DDL of the punch's tables: a path */
	char	   *ddl_text;		/* ... or inline */
	bool		codepage_given; /* by the table itself (not the server) */
	char	   *segment_field;
	char	   *segment_value;
	char	   *key;			/* comma-separated field names */
	ZfOnError	on_error;
	int64		reject_limit;	/* 0: no limit */
	bool		log_verbose;	/* a NOTICE per bad value */
	bool		log_silent;		/* not even the end-of-scan summary */
	char	   *accept;			/* plausibility checks to skip (plausible.h) */
	zf_float_format float_format;
	char	   *date_format;
	ZfTrim		trim;
	bool		trim_low_values;	/* X'00' pads text like blanks */
	bool		json_fillers;	/* jsonb groups keep FILLERs, as hex */
	int			dialect;		/* zf_dialect: ibm, gnucobol, microfocus */
	/* format 'delimited' */
	char	   *delimiter;		/* one character, or a byte as X'hh' */
	char	   *quote;			/* likewise; "" for none */
	char	   *null_string;
	bool		header;
	char		decimal_point;
	bool		delimiter_given;
	bool		quote_given;
	bool		decimal_point_given;
	/* archives (scan/scan_archive.c) */
	char	   *container;		/* none, auto, awstape, het, xmit; NULL none */
	int32		tape_file;		/* 0: unset */
	char	   *dataset;
	char	   *member;
	char	   *recfm_word;		/* the recfm option as written */
	/* writing */
	bool		writable;		/* INSERT and COPY FROM allowed */
	bool		truncate_text;	/* cut text that is too long */
	zf_fill		fill;			/* what unmapped fields hold */
	uint8		fill_byte;		/* ZF_FILL_BYTE: the byte */
	int32		blksize;		/* vb_bdw blocks; 0 the z/OS maximum */
	/* shares (scan/shares.c): this table reads share share_index (0-based)
	 * of share_count; share_count 0: the whole input */
	int32		share_count;
	int32		share_index;
} ZfTableOptions;

/* Options of one column. */
typedef struct ZfColumnOptions
{
	char	   *field;			/* field name or dotted path */
	int32		position;		/* 1-based byte, 0 unset */
	int32		length;			/* bytes, 0 unset */
	char	   *pic;
	char	   *usage;
	int32		scale;			/* INT32_MIN unset */
	int32		null_indicator; /* 1-based byte, 0 unset */
	int32		occurs;			/* 0 unset */
	char	   *format;
	char	   *codepage;
	ZfNullIf	null_if;
	bytea	   *null_if_bytes;
	ZfMeta		meta;
	bool		trim_given;
	ZfTrim		trim;
	bool		trim_low_values_given;
	bool		trim_low_values;
	int			byte_order;		/* binary fields: 0 unset, 1 big, 2 little */
	int			dialect;		/* zf_dialect of the table, set by the
								 * caller of zfdw_explicit_field */
} ZfColumnOptions;

extern void zfdw_get_table_options(Oid relid, ZfTableOptions *opts);
extern void zfdw_get_column_options(Oid relid, AttrNumber attnum,
									ZfColumnOptions *copts);
extern const char *zfdw_meta_name(ZfMeta meta);
extern void zfdw_validate_options(List *options, Oid catalog);
extern bool zfdw_path_has_parent_ref(const char *path);

/* ---- layout and bindings (binding.c, layout_load.c, punch_binding.c) ---- */

/* How one column's Datum is produced from its field. */
typedef enum ZfConv
{
	ZF_CONV_NONE = 0,			/* not needed by the query */
	ZF_CONV_META,
	ZF_CONV_NUMBER,				/* zoned/packed/binary/edited: number */
	ZF_CONV_FLOAT,				/* COMP-1/COMP-2 */
	ZF_CONV_TEXT,				/* character data */
	ZF_CONV_BYTES,				/* raw bytes into bytea */
	ZF_CONV_DATETIME,			/* DB2 external date/time/timestamp */
	ZF_CONV_DECFLOAT,
	ZF_CONV_TOD,				/* STCK/STCKE/LRSN bytes to a timestamp */
	ZF_CONV_GROUP_JSONB,		/* a group as a jsonb object */
	ZF_CONV_GROUP_TEXT			/* a group's bytes as text */
} ZfConv;

/* What the column's type is, reduced to what the decoders need. */
typedef enum ZfTarget
{
	ZF_TARGET_TEXT = 0,			/* text, varchar(n), bpchar(n), name */
	ZF_TARGET_BYTEA,
	ZF_TARGET_INT2,
	ZF_TARGET_INT4,
	ZF_TARGET_INT8,
	ZF_TARGET_NUMERIC,
	ZF_TARGET_FLOAT4,
	ZF_TARGET_FLOAT8,
	ZF_TARGET_DATE,
	ZF_TARGET_TIME,
	ZF_TARGET_TIMESTAMP,
	ZF_TARGET_TIMESTAMPTZ,
	ZF_TARGET_JSONB,
	ZF_TARGET_BOOL,
	ZF_TARGET_OTHER				/* through the type's input function */
} ZfTarget;

/* The fast path a column takes (fastpath.c), or none. */
typedef enum ZfFast
{
	ZF_FAST_NONE = 0,
	ZF_FAST_INT64,				/* a number through a 64-bit integer */
	ZF_FAST_GROUPS,				/* packed to numeric through digit groups */
	ZF_FAST_SBCS_TEXT			/* single-byte text through the page's table */
} ZfFast;

typedef struct ZfColumn
{
	AttrNumber	attnum;
	char	   *attname;
	bool		dropped;
	bool		needed;			/* used by the query (targetlist or quals) */
	ZfConv		conv;
	ZfMeta		meta;

	/* the column's type */
	Oid			typid;			/* element type for arrays */
	int32		typmod;
	ZfTarget	target;
	bool		is_array;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	int32		max_chars;		/* varchar(n)/bpchar(n): n, else -1 */
	int32		num_precision;	/* numeric(p,s): p, else -1 */
	int32		num_scale;
	int32		frac_digits;	/* time/timestamp(p): p, else 6 */
	FmgrInfo	infunc;			/* ZF_TARGET_OTHER */
	Oid			typioparam;

	/* the field */
	int32		field;			/* layout field index, -1 for meta */
	const zf_field *f;
	int			ndims;			/* OCCURS levels */
	int32		tables[8];		/* the OCCURS fields, outermost first */
	const zf_codepage *cp;
	zf_charset	cs;
	ZfTrim		trim;
	bool		trim_low_values;	/* trailing (and leading, with trim both)
									 * X'00' bytes are padding */
	ZfNullIf	null_if;
	bytea	   *null_if_bytes;
	bool		has_date_picture;
	zf_date_picture date_picture;
	zf_datestyle datestyle;
	const char *date_format_name;	/* stck, stcke, lrsn, or NULL */

	/* how core reads the field, with the options above (convert.c) */
	zf_field_reader reader;

	/* the fast path (fastpath.c) */
	ZfFast		fast;
	int			fast_scale;		/* numeric: the Datum's scale */
	int64		fast_mult;		/* numeric: 10^(fast_scale - field scale) */
	int64		fast_limit;		/* numeric(p,s): 10^p, else 0 */
	int			fast_max_digits;	/* numeric(p,s): p - (fast_scale - field
									 * scale), else 99 */
	int			fast_shift;		/* packed numeric: digits to align the point */
	int			fast_nfrac;		/* packed numeric: groups after the point */
	const zf_sbcs_table *fast_sbcs;
} ZfColumn;

/* The state of format 'delimited' (zfdw_delimited.h), NULL for records. */
typedef struct ZfDelimited ZfDelimited;

/*
 * A copybook or punch layout packed by a parallel leader for its workers
 * (zf_layout_pack), so that they neither read nor parse it.
 */
typedef struct ZfPackedLayout
{
	const void *data;
	Size		len;
} ZfPackedLayout;

/* Everything needed to decode the records of one foreign table. */
typedef struct ZfTable
{
	Oid			relid;
	char	   *relname;
	ZfTableOptions opts;
	zf_layout  *layout;			/* released with the owning memory context;
								 * a copybook's or punch's is shared by the
								 * backend's scans and never written */
	const zf_layout *parsed;	/* the copybook's or punch's layout as
								 * parsed (before any copy of the table's
								 * own), NULL for column options: what a
								 * parallel leader packs for its workers */
	int32		recdef;
	const zf_recdef *rd;
	const zf_codepage *cp;
	zf_charset	cs;
	uint32		lrecl;			/* fb record length */
	int			ncolumns;		/* = tuple descriptor's natts */
	ZfColumn   *columns;
	bool		any_variable;	/* the record definition needs a cursor */
	uint32		fast_min_length;	/* records this long take the fast path */

	/* segment filter: records whose segment field holds these bytes */
	int32		segment_field;
	uint8	   *segment_bytes;
	uint32		segment_len;
	/*
	 * A numeric segment field: segment_value scaled as the field.
	 * PostgreSQL's int128, not zf_int128: it is MAXALIGNed, as palloc'd
	 * memory is, where a plain __int128 wants 16 bytes.
	 */
	int128		segment_number;

	/* key: sorted fields of a KSDS export */
	int32		nkeys;
	int32		key_fields[8];
	int			key_column;		/* column reading key_fields[0], or -1 */
	int			key_kind;		/* ZfKeyKind (zfdw_keys.h) */

	ZfDelimited *delim;			/* format 'delimited' */
	struct ZfArchive *archive;	/* a container (scan_archive.c), or NULL */
	bool		archive_ranged; /* its fixed-length data set is read at
								 * offsets (a tape's block map) */
} ZfTable;

/*
 * Records of one fixed length (recfm fb, format 'record'): the file's size
 * counts them, and a record's index gives its byte offset.
 */
static inline bool
zfdw_fixed_length_records(const ZfTable *t)
{
	return t->opts.format == ZF_FORMAT_RECORD && t->opts.recfm == ZF_RECFM_FB &&
		(t->archive == NULL || t->archive_ranged);	/* else read in order */
}

extern ZfTable *zfdw_open_table(Relation rel, bool all_columns,
								Bitmapset *needed_attrs,
								const ZfPackedLayout *given);
extern zf_layout *zfdw_load_layout(const ZfTableOptions *opts,
								   TupleDesc tupdesc, Oid relid,
								   const ZfPackedLayout *given,
								   int32 *recdef_out);
extern char *zfdw_read_text_file(Oid serverid, const char *path,
								 const char *what);
extern void zfdw_layout_limits(zf_limits *lim);
extern zf_cursor *zfdw_create_cursor(ZfTable *t);
extern int32 zfdw_punch_choose_table(const zf_layout *L, const char *table);
extern struct zf_db2_script *zfdw_load_ddl(Oid serverid, const char *path,
										   const char *text);

/* ---- values (convert.c, convert_number.c, convert_text.c) ---- */

/* Per-scan scratch space for decoding, allocated once. */
typedef struct ZfDecodeBuf
{
	char	   *text;			/* UTF-8 output of code-page decoding */
	size_t		textcap;
	StringInfoData json;		/* jsonb building */
} ZfDecodeBuf;

/* Where a value came from, for error messages. */
typedef struct ZfRecordRef
{
	const char *filename;
	uint64		number;
	uint64		offset;			/* byte offset of the record in the file */
	const uint8 *data;
	uint32		length;
	zf_cursor  *cursor;
	zf_byte_source *bytes;		/* the source read (member names) */
} ZfRecordRef;

/*
 * Decode one column of the record into value and isnull.  On a data error
 * returns false with err filled (never ereports for data errors, so that
 * on_error can decide); ereports for everything else.
 */
extern bool zfdw_decode_column(ZfTable *t, ZfColumn *col,
							   const ZfRecordRef *rec, ZfDecodeBuf *buf,
							   Datum *value, bool *isnull, zf_error *err,
							   uint32 *err_field_offset,
							   uint32 *err_field_length);

extern void zfdw_decode_buf_init(ZfDecodeBuf *buf, uint32 max_record);

/* Prepare a bound column's decoding, once per scan (convert.c). */
extern void zfdw_prepare_decode(ZfTable *t, ZfColumn *col);

/* Build a numeric/int/float/text Datum from a scaled integer. */
extern bool zfdw_number_datum(ZfColumn *col, zf_int128 unscaled, int scale,
							  Datum *value, zf_error *err);

/* ---- the fast path (fastpath.c) ---- */

extern void zfdw_fast_prepare(ZfTable *t, ZfColumn *col);
extern bool zfdw_fast_decode(ZfColumn *col, const uint8 *rec, Datum *value);
extern bool zfdw_fast_decode_record(ZfTable *t, const int *cols, int ncols,
									const uint8 *rec, Datum *values, bool *nulls);

/* ---- numeric_build.c ---- */
extern Datum zfdw_scaled_int64_to_numeric(int64 v, int scale);
extern Datum zfdw_scaled_int128_to_numeric(zf_int128 v, int scale);
extern int	zfdw_numeric_group_shift(int field_scale, int scale, int *nfrac);
extern Datum zfdw_groups_to_numeric(const zf_packed_groups *g, int scale,
									int nfrac);
extern bool zfdw_packed_to_numeric(const uint8 *p, uint32 len, bool is_signed,
								   bool back_ok, int field_scale, int scale,
								   Datum *value);
/* Build the Datum of a column from decoded text (UTF-8) of field f. */
extern bool zfdw_text_to_datum(ZfTable *t, ZfColumn *col, const zf_field *f,
							   const char *s, size_t n, Datum *value,
							   zf_error *err);

/* ---- format 'delimited' (delimited_bind.c, delimited_values.c) ---- */

extern zf_layout *zfdw_delim_layout(TupleDesc tupdesc, Oid relid);
extern void zfdw_delim_open(ZfTable *t, int natts);
extern void zfdw_delim_punch_defaults(ZfTable *t, int coldel, int chardel,
									  int decpt);
extern void zfdw_delim_bind_field(ZfTable *t, ZfColumn *col,
								  const ZfColumnOptions *co);
extern void zfdw_delim_finish(ZfTable *t);
extern bool zfdw_delim_decode_column(ZfTable *t, ZfColumn *col,
									 const ZfRecordRef *rec, ZfDecodeBuf *buf,
									 Datum *value, bool *isnull, zf_error *err,
									 uint32 *err_field_offset,
									 uint32 *err_field_length);

/* ---- errors (errors.c) ---- */

extern int	zfdw_sqlstate(zf_status status);
extern void zfdw_error_prepare(const zf_error *err, zf_error *out);
pg_noreturn extern void zfdw_report(int elevel, const zf_error *err,
									const char *what);
extern void zfdw_count_rejected(const ZfTable *t, uint64 *nrejected,
								const char *last_message);
extern void zfdw_report_data_error(int elevel, ZfTable *t,
								   const ZfRecordRef *rec,
								   const ZfColumn *col,
								   const zf_error *err,
								   uint32 field_offset,
								   uint32 field_length);

/* ---- files (scan_files.c) ---- */

/* The files a scan reads, in order: a glob expanded, or one program. */
typedef struct ZfSource
{
	List	   *files;			/* char * paths, sorted */
	char	   *program;
	int			current;		/* index into files, -1 before the first */
	zf_byte_source *bytes;		/* the current file or program output, or
								 * NULL */
	char	   *name;			/* current file name (or program) */
	struct ZfArchive *archive;	/* the container files are read through */
	bool		parallel;		/* files are handed out to parallel workers */
	Oid			serverid;		/* for s3:// names: endpoint, credentials */
	zf_s3_stats s3;				/* requests of the objects closed so far */
	zf_compression compression; /* the table's option */
	zf_compression found;		/* what the current input is compressed with */
} ZfSource;

/* Bits of zfdw_files_compression: 1 << zf_compression. */
#define ZFDW_COMPRESSED_BITS \
	((1u << ZF_COMPRESSION_GZIP) | (1u << ZF_COMPRESSION_BZIP2) | (1u << ZF_COMPRESSION_ZSTD))

extern List *zfdw_expand_files(Oid serverid, const char *pattern,
							   bool missing_ok);
extern void zfdw_restrict_files(const char *pattern, List *files);
extern int64 zfdw_total_size(Oid serverid, List *files);
extern int64 zfdw_file_size(Oid serverid, const char *path);
extern bool zfdw_source_next(ZfSource *src);
extern zf_byte_source *zfdw_decompress_bytes(zf_byte_source *bytes,
											 zf_compression option,
											 zf_compression *found);
extern zf_compression zfdw_file_compression(Oid serverid, const char *path,
											zf_compression option);
extern unsigned zfdw_files_compression(Oid serverid, List *files,
									   const char *program,
									   zf_compression option);
extern char *zfdw_compression_names(unsigned kinds);
extern void zfdw_source_open_index(ZfSource *src, int index);
extern void zfdw_source_close(ZfSource *src);
extern void zfdw_source_discard(ZfSource *src);
extern zf_byte_source *zfdw_open_file_bytes(Oid serverid, const char *path,
											zf_error *err);
extern void zfdw_source_s3_stats(const ZfSource *src, zf_s3_stats *out);
pg_noreturn extern void zfdw_report_open_error(const zf_error *err,
												const char *hint);
extern zf_status zfdw_close_bytes(zf_byte_source *bytes, zf_error *err);

/* ---- archives (scan_archive.c) ---- */

extern void zfdw_archive_resolve(ZfTable *t);
extern zf_byte_source *zfdw_archive_wrap(ZfSource *src, zf_byte_source *bytes);
extern void zfdw_archive_explain(ZfTable *t, struct ExplainState *es);
extern int64 zfdw_archive_data_size(ZfTable *t, const char *path);

/* ---- SQL functions (layout_functions.c) ---- */

extern void zfdw_layout_rows(FunctionCallInfo fcinfo, const zf_layout *L,
							 int32 rec);

/* ---- GUCs (zfdw.c) ---- */

extern int	zfdw_max_record_length;
extern int	zfdw_max_occurs;
extern int	zfdw_max_fields;
extern int	zfdw_max_error_bytes;
extern int	zfdw_max_layout_source;
extern int	zfdw_parallel_chunk_size;

#endif							/* ZFDW_H */
