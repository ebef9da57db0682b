/*-------------------------------------------------------------------------
 *
 * options.c
 *	  The option table of zfdw: which option is valid where, what values
 *	  it takes, who may set it, and reading the merged options of a table.
 *
 * As in file_fdw, the table is keyed by the catalog the option appears in.
 * Options marked for servers are defaults that a table may override.
 * Options that name a server-side file or program follow file_fdw's rule:
 * only superusers and members of pg_read_server_files may name files,
 * only superusers and members of pg_execute_server_program may name a
 * program.  A table that writes (writable 'true') is what COPY ... TO a
 * file is: making one, or changing any option of one, takes superuser or
 * pg_write_server_files, on top of the read rules.  The same goes for
 * S3: an s3:// name is a file name, and the s3_endpoint of a server
 * (which decides where the database server sends requests) may be set
 * only by those who may read server files.  User mappings hold the S3
 * credentials; their values never appear in a message.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"
#include "diag/diag.h"

#include <limits.h>

#include "access/reloptions.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_foreign_data_wrapper.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_foreign_table.h"
#include "catalog/pg_user_mapping.h"
#include "commands/defrem.h"
#include "foreign/foreign.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"

#include "cobol/usage.h"

/* Where an option may appear. */
#define OPT_SERVER	0x01
#define OPT_TABLE	0x02
#define OPT_COLUMN	0x04
#define OPT_USER	0x08		/* user mappings */

/* Who may set it. */
typedef enum ZfOptPrivilege
{
	PRIV_ANYONE = 0,
	PRIV_READ_FILES,			/* superuser or pg_read_server_files */
	PRIV_EXECUTE_PROGRAM		/* superuser or pg_execute_server_program */
} ZfOptPrivilege;

typedef struct ZfOption
{
	const char *name;
	int			where;
	ZfOptPrivilege priv;
} ZfOption;

static const ZfOption zf_options[] = {
	/* where the bytes come from */
	{"filename", OPT_TABLE, PRIV_READ_FILES},
	{"program", OPT_TABLE, PRIV_EXECUTE_PROGRAM},

	/* S3: the store (server) and the credentials (user mapping) */
	{"aws_region", OPT_SERVER, PRIV_ANYONE},
	{"s3_endpoint", OPT_SERVER, PRIV_READ_FILES},
	{"s3_url_style", OPT_SERVER, PRIV_ANYONE},
	{"aws_access_key_id", OPT_USER, PRIV_ANYONE},
	{"aws_secret_access_key", OPT_USER, PRIV_ANYONE},
	{"aws_session_token", OPT_USER, PRIV_ANYONE},

	/* framing */
	{"format", OPT_TABLE, PRIV_ANYONE},
	{"recfm", OPT_TABLE, PRIV_ANYONE},
	{"lrecl", OPT_TABLE, PRIV_ANYONE},
	{"rdw_byte_order", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"rdw_includes_header", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"bdw_byte_order", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"bdw_includes_header", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"text_terminator", OPT_TABLE, PRIV_ANYONE},
	{"file_header_bytes", OPT_TABLE, PRIV_ANYONE},
	{"file_trailer_bytes", OPT_TABLE, PRIV_ANYONE},
	{"compression", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"share_count", OPT_TABLE, PRIV_ANYONE},
	{"share_index", OPT_TABLE, PRIV_ANYONE},

	/* layout */
	{"copybook", OPT_TABLE, PRIV_READ_FILES},
	{"copybook_text", OPT_TABLE, PRIV_ANYONE},
	{"copybook_format", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"pic_n", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"allow_larger_redefines", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"record", OPT_TABLE, PRIV_ANYONE},
	{"punch", OPT_TABLE, PRIV_READ_FILES},
	{"punch_text", OPT_TABLE, PRIV_ANYONE},
	{"table", OPT_TABLE, PRIV_ANYONE},
	{"ddl", OPT_TABLE, PRIV_READ_FILES},
	{"ddl_text", OPT_TABLE, PRIV_ANYONE},
	{"segment_field", OPT_TABLE, PRIV_ANYONE},
	{"segment_value", OPT_TABLE, PRIV_ANYONE},
	{"key", OPT_TABLE, PRIV_ANYONE},

	/* archives: tape images, TSO TRANSMIT files */
	{"container", OPT_TABLE, PRIV_ANYONE},
	{"tape_file", OPT_TABLE, PRIV_ANYONE},
	{"dataset", OPT_TABLE, PRIV_ANYONE},
	{"member", OPT_TABLE, PRIV_ANYONE},

	/* values */
	{"codepage", OPT_SERVER | OPT_TABLE | OPT_COLUMN, PRIV_ANYONE},
	{"on_error", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"reject_limit", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"log_verbosity", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"accept", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"float_format", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"date_format", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"trim", OPT_SERVER | OPT_TABLE | OPT_COLUMN, PRIV_ANYONE},
	{"trim_low_values", OPT_SERVER | OPT_TABLE | OPT_COLUMN, PRIV_ANYONE},
	{"json_fillers", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"dialect", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},
	{"byte_order", OPT_COLUMN, PRIV_ANYONE},

	/* format 'delimited' */
	{"delimiter", OPT_TABLE, PRIV_ANYONE},
	{"quote", OPT_TABLE, PRIV_ANYONE},
	{"null", OPT_TABLE, PRIV_ANYONE},
	{"header", OPT_TABLE, PRIV_ANYONE},
	{"decimal_point", OPT_SERVER | OPT_TABLE, PRIV_ANYONE},

	/* writing (INSERT, COPY FROM) */
	{"writable", OPT_TABLE, PRIV_ANYONE},	/* checked with the whole list */
	{"fill", OPT_TABLE, PRIV_ANYONE},
	{"truncate_text", OPT_TABLE, PRIV_ANYONE},
	{"blksize", OPT_TABLE, PRIV_ANYONE},

	/* columns */
	{"field", OPT_COLUMN, PRIV_ANYONE},
	{"position", OPT_COLUMN, PRIV_ANYONE},
	{"length", OPT_COLUMN, PRIV_ANYONE},
	{"pic", OPT_COLUMN, PRIV_ANYONE},
	{"usage", OPT_COLUMN, PRIV_ANYONE},
	{"scale", OPT_COLUMN, PRIV_ANYONE},
	{"null_indicator", OPT_COLUMN, PRIV_ANYONE},
	{"occurs", OPT_COLUMN, PRIV_ANYONE},
	{"format", OPT_COLUMN, PRIV_ANYONE},
	{"null_if", OPT_COLUMN, PRIV_ANYONE},
	{"meta", OPT_COLUMN, PRIV_ANYONE},

	{NULL, 0, PRIV_ANYONE}
};

static const char *const zf_meta_names[] = {
	"", "record_number", "file_name", "byte_offset", "record_length",
	"raw_record", "segment", "member_name", "share", NULL
};

/* The name of a meta column kind, for EXPLAIN and messages. */
const char *
zfdw_meta_name(ZfMeta meta)
{
	return zf_meta_names[meta];
}

/* Map a catalog to the OPT_* bit of the objects it stores. */
static int
catalog_bit(Oid catalog)
{
	if (catalog == ForeignServerRelationId)
		return OPT_SERVER;
	if (catalog == ForeignTableRelationId)
		return OPT_TABLE;
	if (catalog == AttributeRelationId)
		return OPT_COLUMN;
	if (catalog == UserMappingRelationId)
		return OPT_USER;
	return 0;					/* wrapper: no options */
}

static const ZfOption *
find_option(const char *name, int where)
{
	for (const ZfOption *o = zf_options; o->name; o++)
		if ((o->where & where) && strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* Complain about an invalid option value. */
static void
bad_value(DefElem *def, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
			 errmsg("invalid value for option \"%s\": \"%s\"",
					def->defname, defGetString(def)),
			 errhint("%s", expected)));
}

/* Parse a non-negative integer option, with an upper bound. */
static int64
int_value(DefElem *def, int64 min, int64 max)
{
	char	   *s = defGetString(def);
	char	   *end;
	long long	v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("invalid value for option \"%s\": \"%s\"",
						def->defname, s),
				 errhint("Give an integer from " INT64_FORMAT " to " INT64_FORMAT ".",
						 min, max)));
	return v;
}

/*
 * Parse an integer option whose upper bound is a setting (a record length,
 * an OCCURS count): the hint names the setting to raise.
 */
static int64
bounded_value(DefElem *def, int64 min, int64 max, const char *setting)
{
	char	   *s = defGetString(def);
	char	   *end;
	long long	v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("invalid value for option \"%s\": \"%s\"",
						def->defname, s),
				 errhint("Give an integer from " INT64_FORMAT " to " INT64_FORMAT
						 "; the upper bound is the setting %s, which a superuser may raise.",
						 min, max, setting)));
	return v;
}

/* Parse one of a fixed set of words; returns its index. */
static int
word_value(DefElem *def, const char *const *words, const char *expected)
{
	char	   *s = defGetString(def);

	for (int i = 0; words[i]; i++)
		if (pg_strcasecmp(s, words[i]) == 0)
			return i;
	bad_value(def, expected);
	return -1;					/* not reached */
}

/* Parse a recfm name: fb/f, vb/v, vb_bdw, vbs, text. */
static zf_recfm
recfm_value(DefElem *def)
{
	static const char *const words[] = {"fb", "f", "vb", "v", "vb_bdw", "vbs", "vbs_bdw", "text", "u", NULL};
	static const zf_recfm recfms[] = {ZF_RECFM_FB, ZF_RECFM_FB, ZF_RECFM_VB, ZF_RECFM_VB,
	ZF_RECFM_VB_BDW, ZF_RECFM_VBS, ZF_RECFM_VBS, ZF_RECFM_TEXT, ZF_RECFM_VB};

	/* u: undefined-format blocks, in a container only (scan_archive.c) */
	return recfms[word_value(def, words,
							 "Valid record formats are fb (also f), vb (also v), vb_bdw, vbs, vbs_bdw, text and u (in a container).")];
}

/*
 * The byte that ends a text record: lf (X'0A', the default), nl (the
 * EBCDIC newline X'15'), or a one-byte hex literal such as x'25'.
 */
static uint8
text_terminator_value(DefElem *def)
{
	char	   *s = defGetString(def);

	if (pg_strcasecmp(s, "lf") == 0)
		return ZF_ASCII_LF;
	if (pg_strcasecmp(s, "nl") == 0)
		return ZF_EBCDIC_NL;
	if ((s[0] == 'x' || s[0] == 'X') && s[1] == '\'' && strlen(s) == 5 && s[4] == '\'' &&
		isxdigit((unsigned char) s[2]) && isxdigit((unsigned char) s[3]))
		return (uint8) strtol(s + 2, NULL, 16);
	bad_value(def, "Valid values are lf, nl (EBCDIC X'15') or one byte as a hex literal such as x'25'.");
	return 0;
}

/* A single character option (delimiter, quote, decimal point). */
static char
char_value(DefElem *def)
{
	char	   *s = defGetString(def);

	if (strlen(s) != 1)
		bad_value(def, "Give a single character.");
	return s[0];
}

/*
 * A delimiter or quote of format 'delimited': one character, or one byte
 * of the file's code page as a hex literal X'hh'; the quote may be empty
 * (no quoting).  Whether the page has the character is checked when the
 * table is read.
 */
static void
delimiter_value(DefElem *def, bool allow_empty)
{
	char	   *s = defGetString(def);
	int			len = strlen(s);

	if (len == 0 && allow_empty)
		return;
	if (len == 5 && (s[0] == 'x' || s[0] == 'X') && s[1] == '\'' && s[4] == '\'' &&
		isxdigit((unsigned char) s[2]) && isxdigit((unsigned char) s[3]))
		return;
	if (len == 0 || pg_mblen(s) != len)
		bad_value(def, allow_empty ?
				  "Give one character, a byte of the file's code page as a hex literal such as X'7F', or an empty string for no quoting." :
				  "Give one character, or a byte of the file's code page as a hex literal such as X'6B'.");
}

/*
 * Parse null_if: spaces, low_values, high_values, zeros or a hex literal
 * X'..' (also x'..').  The bytes of a literal are returned in *bytes.
 */
static ZfNullIf
null_if_value(DefElem *def, bytea **bytes)
{
	static const char *const words[] = {"spaces", "low_values", "high_values", "zeros", NULL};
	char	   *s = defGetString(def);
	size_t		n = strlen(s);

	if ((s[0] == 'x' || s[0] == 'X') && n >= 3 && s[1] == '\'' && s[n - 1] == '\'')
	{
		size_t		hexlen = n - 3;
		bytea	   *b;

		if (hexlen == 0 || hexlen % 2 != 0)
			bad_value(def, "A hex literal needs an even, non-zero number of hex digits, as in X'4040'.");
		b = palloc(VARHDRSZ + hexlen / 2);
		SET_VARSIZE(b, VARHDRSZ + hexlen / 2);
		for (size_t i = 0; i < hexlen; i++)
			if (!isxdigit((unsigned char) s[2 + i]))
				bad_value(def, "A hex literal holds only hex digits, as in X'4040'.");
		hex_decode(s + 2, hexlen, VARDATA(b));
		if (bytes)
			*bytes = b;
		return ZF_NULLIF_BYTES;
	}
	return (ZfNullIf) (word_value(def, words,
								  "Valid values are spaces, low_values, high_values, zeros, or a hex literal such as X'4040'.") + 1);
}

/*
 * Parse the fill option: cobol (spaces for text, zeros for numbers, the
 * default), spaces, low_values, high_values, or one byte as X'hh'.
 * Returns ZF_FILL_COBOL or ZF_FILL_BYTE with the byte in *byte (spaces:
 * X'40', which a table in an ASCII page names as X'20').
 */
static zf_fill
fill_value(DefElem *def, uint8 *byte)
{
	static const char *const words[] = {"cobol", "spaces", "low_values", "high_values", NULL};
	static const uint8 bytes[] = {0, 0x40, 0x00, 0xFF};
	char	   *s = defGetString(def);
	int			i;

	if ((s[0] == 'x' || s[0] == 'X') && s[1] == '\'' && strlen(s) == 5 && s[4] == '\'' &&
		isxdigit((unsigned char) s[2]) && isxdigit((unsigned char) s[3]))
	{
		*byte = (uint8) strtol(s + 2, NULL, 16);
		return ZF_FILL_BYTE;
	}
	i = word_value(def, words,
				   "Valid values are cobol (spaces for text, zeros for numbers), spaces (X'40'), low_values, high_values, or one byte as a hex literal such as X'00'.");
	*byte = bytes[i];
	return i == 0 ? ZF_FILL_COBOL : ZF_FILL_BYTE;
}

/*
 * True when path has a ".." component: a path that a privileged user
 * approved must be the file written (writable tables, unload_for_db2).
 */
bool
zfdw_path_has_parent_ref(const char *path)
{
	for (const char *p = path; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
	return false;
}

/*
 * A writable table's file: an absolute path of one file, or an s3://
 * object, with no ".." component and no glob character, so that the path
 * a privileged user approved is the file written (symbolic links are
 * refused when the file is written).
 */
static void
check_write_path(const char *path)
{
	bool		s3 = zf_s3_is_url(path);

	if (!s3 && path[0] != '/')
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the filename of a writable zfdw foreign table must be an absolute path"),
				 errdetail("The filename is \"%s\".", path)));
	if (strpbrk(path, "*?[") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the filename of a writable zfdw foreign table cannot be a glob"),
				 errdetail("The filename is \"%s\"; a table writes one file.", path)));
	if (zfdw_path_has_parent_ref(path))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the filename of a writable zfdw foreign table cannot contain \"..\""),
				 errdetail("The filename is \"%s\".", path)));
	if (path[strlen(path) - 1] == '/')
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the filename of a writable zfdw foreign table must name a file, not a directory")));
}

/* Check that the current user may set an option naming a file or program. */
static void
check_privilege(const ZfOption *o)
{
	if (o->priv == PRIV_READ_FILES && strcmp(o->name, "s3_endpoint") == 0 &&
		!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may specify the s3_endpoint option of a zfdw server"),
				 errdetail("The endpoint decides where the database server sends requests.")));
	if (o->priv == PRIV_READ_FILES &&
		!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may specify the %s option of a zfdw foreign table",
						o->name),
				 strcmp(o->name, "ddl") == 0 ?
				 errhint("Give the DDL inline with ddl_text, which anyone may use.") :
				 errhint("Give the layout inline with copybook_text or punch_text, which anyone may use.")));
	if (o->priv == PRIV_EXECUTE_PROGRAM &&
		!has_privs_of_role(GetUserId(), ROLE_PG_EXECUTE_SERVER_PROGRAM))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_execute_server_program role may specify the program option of a zfdw foreign table")));
}

/* Check one value of a code page option by looking the page up. */
static void
check_codepage(DefElem *def)
{
	zf_error	err;

	zf_error_clear(&err);
	if (zf_codepage_lookup(defGetString(def), &err) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("invalid value for option \"codepage\": \"%s\"",
						defGetString(def)),
				 errdetail("%s", err.message),
				 errhint("Use an EBCDIC code page such as cp037, cp1047, cp500, cp273, cp1140..cp1149, a mixed DBCS page such as cp930 or cp939, or ascii, latin1, utf8.")));
}

/*
 * Check a column "format": a numeric date picture (YYYYMMDD, ...), a DB2
 * style (iso, usa, eur, jis) or a TOD clock kind (stck, stcke, lrsn).
 */
static void
check_date_format(DefElem *def)
{
	static const char *const words[] = {"iso", "usa", "eur", "jis", "stck", "stcke", "lrsn", NULL};
	char	   *s = defGetString(def);
	zf_date_picture pic;
	zf_error	err;

	for (int i = 0; words[i]; i++)
		if (pg_strcasecmp(s, words[i]) == 0)
			return;
	zf_error_clear(&err);
	if (zf_date_picture_compile(s, &pic, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("invalid value for option \"%s\": \"%s\"", def->defname, s),
				 errdetail("%s", err.message),
				 errhint("Use iso, usa, eur, jis, stck, stcke, lrsn, or a date picture such as YYYYMMDD, CYYMMDD or YYYYDDD.")));
}

/*
 * Validate every option of one object: known in this place, allowed to
 * this user, a well-formed value, given once.
 */
void
zfdw_validate_options(List *options, Oid catalog)
{
	int			where = catalog_bit(catalog);
	ListCell   *lc;
	bool		has_filename = false,
				has_program = false,
				has_copybook = false,
				has_punch = false,
				has_ddl = false;
	bool		writable = false;
	const char *filename = NULL;
	int64		share_count = -1,
				share_index = -1;

	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);
		const ZfOption *o = find_option(def->defname, where);
		const char *name = def->defname;

		if (o == NULL)
		{
			StringInfoData buf;

			initStringInfo(&buf);
			for (const ZfOption *p = zf_options; p->name; p++)
				if ((p->where & where) && find_option(p->name, where) == p)
					appendStringInfo(&buf, "%s%s", buf.len > 0 ? ", " : "", p->name);
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
					 errmsg("invalid option \"%s\"", name),
					 buf.len > 0
					 ? errhint("Valid options in this context are: %s.", buf.data)
					 : errhint("There are no valid options in this context.")));
		}
		for (ListCell *lc2 = list_head(options); lc2 != lc; lc2 = lnext(options, lc2))
			if (strcmp(((DefElem *) lfirst(lc2))->defname, name) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_SYNTAX_ERROR),
						 errmsg("conflicting or redundant options"),
						 errdetail("Option \"%s\" is given more than once.", name)));
		check_privilege(o);

		if ((strcmp(name, "filename") == 0 || strcmp(name, "copybook") == 0 ||
			 strcmp(name, "punch") == 0 || strcmp(name, "ddl") == 0) &&
			zf_s3_is_url(defGetString(def)))
		{
			zf_error	err;
			char	   *bucket;
			char	   *key;

			zf_error_clear(&err);
			if (zf_s3_split_url(defGetString(def), &bucket, &key, &err) != ZF_OK)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("invalid value for option \"%s\": %s", name, err.message),
						 errhint("Name an object as s3://bucket/key.")));
			free(bucket);
			free(key);
		}
		if (strcmp(name, "filename") == 0)
		{
			has_filename = true;
			filename = defGetString(def);
		}
		else if (strcmp(name, "writable") == 0)
			writable = defGetBoolean(def);
		else if (strcmp(name, "truncate_text") == 0)
			(void) defGetBoolean(def);
		else if (strcmp(name, "fill") == 0)
		{
			uint8		b;

			fill_value(def, &b);
		}
		else if (strcmp(name, "blksize") == 0)
			int_value(def, 9, 32760);
		else if (strcmp(name, "s3_endpoint") == 0)
		{
			zf_error	err;

			zf_error_clear(&err);
			if (zf_s3_check_endpoint(defGetString(def), &err) != ZF_OK)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("invalid value for option \"s3_endpoint\": \"%s\"",
								defGetString(def)),
						 errdetail("%s", err.message),
						 errhint("Give a URL such as https://s3.example.com or http://127.0.0.1:9000.")));
		}
		else if (strcmp(name, "aws_region") == 0)
		{
			/* it becomes part of a host name: letters, digits, '-' only */
			const char *r = defGetString(def);

			if (*r == '\0' || strspn(r, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(r))
				bad_value(def, "Give a region name such as us-east-1 or eu-central-1.");
		}
		else if (strcmp(name, "s3_url_style") == 0)
		{
			static const char *const words[] = {"path", "virtual", NULL};

			word_value(def, words, "Valid values are path (https://host/bucket/key) and virtual (https://bucket.host/key).");
		}
		else if (where == OPT_USER)
		{
			/* a secret: say what is wrong without quoting it */
			if (defGetString(def)[0] == '\0')
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("option \"%s\" must not be empty", name)));
		}
		else if (strcmp(name, "program") == 0)
			has_program = true;
		else if (strcmp(name, "copybook") == 0 || strcmp(name, "copybook_text") == 0)
		{
			if (has_copybook)
				ereport(ERROR,
						(errcode(ERRCODE_SYNTAX_ERROR),
						 errmsg("only one of copybook and copybook_text may be given")));
			has_copybook = true;
		}
		else if (strcmp(name, "punch") == 0 || strcmp(name, "punch_text") == 0)
		{
			if (has_punch)
				ereport(ERROR,
						(errcode(ERRCODE_SYNTAX_ERROR),
						 errmsg("only one of punch and punch_text may be given")));
			has_punch = true;
		}
		else if (strcmp(name, "ddl") == 0 || strcmp(name, "ddl_text") == 0)
		{
			if (has_ddl)
				ereport(ERROR,
						(errcode(ERRCODE_SYNTAX_ERROR),
						 errmsg("only one of ddl and ddl_text may be given")));
			has_ddl = true;
		}
		else if (strcmp(name, "format") == 0 && where == OPT_TABLE)
		{
			static const char *const words[] = {"record", "delimited", NULL};

			word_value(def, words, "Valid formats are record and delimited.");
		}
		else if (strcmp(name, "format") == 0)
			check_date_format(def);
		else if (strcmp(name, "recfm") == 0)
			recfm_value(def);
		else if (strcmp(name, "lrecl") == 0)
			bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
		else if (strcmp(name, "container") == 0)
		{
			static const char *const words[] = {"none", "auto", "awstape", "het", "xmit", "iebcopy", NULL};

			word_value(def, words, "Valid containers are none, auto, awstape, het, xmit and iebcopy.");
		}
		else if (strcmp(name, "tape_file") == 0)
			int_value(def, 1, 9999);
		else if (strcmp(name, "rdw_byte_order") == 0 || strcmp(name, "bdw_byte_order") == 0)
		{
			static const char *const words[] = {"big", "little", NULL};

			word_value(def, words, "Valid values are big (z/OS) and little.");
		}
		else if (strcmp(name, "text_terminator") == 0)
			text_terminator_value(def);
		else if (strcmp(name, "rdw_includes_header") == 0 || strcmp(name, "header") == 0 ||
				 strcmp(name, "trim_low_values") == 0 ||
				 strcmp(name, "json_fillers") == 0 ||
				 strcmp(name, "bdw_includes_header") == 0 ||
				 strcmp(name, "allow_larger_redefines") == 0)
			(void) defGetBoolean(def);
		else if (strcmp(name, "file_header_bytes") == 0 || strcmp(name, "file_trailer_bytes") == 0)
			int_value(def, 0, PG_INT64_MAX);
		else if (strcmp(name, "share_count") == 0)
			share_count = int_value(def, 1, ZFDW_MAX_SHARES);
		else if (strcmp(name, "share_index") == 0)
			share_index = int_value(def, 0, ZFDW_MAX_SHARES - 1);
		else if (strcmp(name, "codepage") == 0)
			check_codepage(def);
		else if (strcmp(name, "copybook_format") == 0)
		{
			static const char *const words[] = {"auto", "fixed", "free", NULL};

			word_value(def, words, "Valid values are auto, fixed and free.");
		}
		else if (strcmp(name, "pic_n") == 0)
		{
			static const char *const words[] = {"national", "dbcs", NULL};

			word_value(def, words, "Valid values are national (UTF-16, the default) and dbcs (NSYMBOL(DBCS)).");
		}
		else if (strcmp(name, "on_error") == 0)
		{
			/* "ignore" is file_fdw's word (PostgreSQL 17) for skip */
			static const char *const words[] = {"stop", "null", "skip", "ignore", NULL};

			word_value(def, words, "Valid values are stop, null, skip and ignore (the same as skip).");
		}
		else if (strcmp(name, "reject_limit") == 0)
			int_value(def, 1, PG_INT64_MAX);
		else if (strcmp(name, "accept") == 0)
			zfdw_check_accept(def);
		else if (strcmp(name, "dialect") == 0)
		{
			static const char *const words[] = {"ibm", "gnucobol", "microfocus", "mf", NULL};

			word_value(def, words, "Valid values are ibm (z/OS, the default), gnucobol and microfocus.");
		}
		else if (strcmp(name, "byte_order") == 0)
		{
			static const char *const words[] = {"big", "little", NULL};

			word_value(def, words, "Valid values are big (z/OS) and little.");
		}
		else if (strcmp(name, "log_verbosity") == 0)
		{
			static const char *const words[] = {"default", "verbose", "silent", NULL};

			word_value(def, words, "Valid values are default, verbose and silent.");
		}
		else if (strcmp(name, "compression") == 0)
		{
			static const char *const words[] = {"auto", "none", "gzip", "bzip2", "zstd", NULL};

			word_value(def, words, "Valid values are auto (recognise gzip, bzip2 and zstd by the first bytes), none, gzip, bzip2 and zstd.");
		}
		else if (strcmp(name, "float_format") == 0)
		{
			static const char *const words[] = {"hfp", "ieee", NULL};

			word_value(def, words, "Valid values are hfp (IBM hexadecimal floating point) and ieee.");
		}
		else if (strcmp(name, "date_format") == 0)
			check_date_format(def);
		else if (strcmp(name, "trim") == 0)
		{
			static const char *const words[] = {"right", "both", "none", NULL};

			word_value(def, words, "Valid values are right, both and none.");
		}
		else if (strcmp(name, "delimiter") == 0 || strcmp(name, "quote") == 0)
			delimiter_value(def, strcmp(name, "quote") == 0);
		else if (strcmp(name, "decimal_point") == 0)
			char_value(def);
		else if (strcmp(name, "position") == 0 || strcmp(name, "length") == 0 ||
				 strcmp(name, "null_indicator") == 0)
			bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
		else if (strcmp(name, "occurs") == 0)
			bounded_value(def, 1, zfdw_max_occurs, "zfdw.max_occurs");
		else if (strcmp(name, "scale") == 0)
			int_value(def, -ZF_MAX_DIGITS, 2 * ZF_MAX_DIGITS);
		else if (strcmp(name, "pic") == 0)
		{
			zf_picture pic;
			zf_error	err;
			char	   *s = defGetString(def);

			zf_error_clear(&err);
			if (zf_picture_parse(s, strlen(s), &pic, &err) != ZF_OK)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("invalid value for option \"pic\": \"%s\"", s),
						 errdetail("%s", err.message)));
		}
		else if (strcmp(name, "usage") == 0)
		{
			char	   *s = defGetString(def);

			/* the words are core's (usage.c) */
			if (zf_usage_lookup(s, strlen(s), ZF_USAGE_WORDS_OPTION) == ZF_USAGE_NONE)
				bad_value(def, "Valid usages are display, comp, comp-3, comp-4, comp-5, comp-x, binary, packed-decimal, comp-1, comp-2, char, varchar, graphic, vargraphic, display-1, national, date, time, timestamp and bytes.");
		}
		else if (strcmp(name, "null_if") == 0)
			null_if_value(def, NULL);
		else if (strcmp(name, "meta") == 0)
			word_value(def, zf_meta_names + 1,
					   "Valid meta columns are record_number, file_name, byte_offset, record_length, raw_record, segment, member_name and share.");
	}

	if (has_filename && has_program)
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("either filename or program may be given, not both")));
	if ((share_count >= 0) != (share_index >= 0))
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("share_count and share_index must be given together"),
				 errhint("A table reads share share_index (0-based) of share_count shares of its input, e.g. share_count '3', share_index '0'.")));
	if (share_count >= 0 && share_index >= share_count)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("share_index %lld is not below share_count %lld",
						(long long) share_index, (long long) share_count),
				 errhint("Shares are numbered from 0: share_count '3' has shares 0, 1 and 2.")));
	if (share_count >= 0 && (has_program || writable))
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("share_count cannot be used with %s",
						has_program ? "a program option" : "a writable table"),
				 errdetail("A share is a part of the files a table reads.")));
	if (writable)
	{
		/*
		 * The validator sees the whole option list after a change, so any
		 * change of a writable table's options (its filename above all)
		 * takes the right to write server files.
		 */
		if (!has_privs_of_role(GetUserId(), ROLE_PG_WRITE_SERVER_FILES))
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("only superuser or a role with privileges of the pg_write_server_files role may create or change a writable zfdw foreign table"),
					 errdetail("A writable table writes the server file its filename option names, as COPY ... TO does.")));
		if (has_program)
			ereport(ERROR,
					(errcode(ERRCODE_SYNTAX_ERROR),
					 errmsg("a writable zfdw foreign table writes a file: it cannot have a program option")));
		if (filename != NULL)
			check_write_path(filename);
	}
}

/* Defaults of a table's options: z/OS conventions. */
static void
table_options_init(ZfTableOptions *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->format = ZF_FORMAT_RECORD;
	opts->recfm = ZF_RECFM_FB;
	opts->rdw_big_endian = true;
	opts->rdw_includes_header = true;
	opts->bdw_big_endian = true;
	opts->bdw_includes_header = true;
	opts->codepage = "cp037";
	opts->copybook_format = "auto";
	opts->on_error = ZF_ON_ERROR_STOP;
	opts->float_format = ZF_FLOAT_HFP;
	opts->date_format = "iso";
	opts->trim = ZF_TRIM_RIGHT;
	opts->delimiter = ",";
	opts->quote = "\"";
	opts->decimal_point = '.';
	opts->fill = ZF_FILL_COBOL;
}

/* Store one option into the struct (values were validated before). */
static void
apply_table_option(ZfTableOptions *opts, DefElem *def)
{
	const char *name = def->defname;
	char	   *s = defGetString(def);

	if (strcmp(name, "filename") == 0)
		opts->filename = s;
	else if (strcmp(name, "program") == 0)
		opts->program = s;
	else if (strcmp(name, "format") == 0)
		opts->format = pg_strcasecmp(s, "delimited") == 0 ? ZF_FORMAT_DELIMITED : ZF_FORMAT_RECORD;
	else if (strcmp(name, "recfm") == 0)
	{
		opts->recfm = recfm_value(def);
		opts->recfm_given = true;
		opts->vbs_has_bdw = pg_strcasecmp(s, "vbs_bdw") == 0;
		opts->recfm_word = s;
	}
	else if (strcmp(name, "container") == 0)
		opts->container = s;
	else if (strcmp(name, "tape_file") == 0)
		opts->tape_file = (int32) int_value(def, 1, 9999);
	else if (strcmp(name, "dataset") == 0)
		opts->dataset = s;
	else if (strcmp(name, "member") == 0)
		opts->member = s;
	else if (strcmp(name, "lrecl") == 0)
		opts->lrecl = (int32) bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
	else if (strcmp(name, "rdw_byte_order") == 0)
		opts->rdw_big_endian = pg_strcasecmp(s, "big") == 0;
	else if (strcmp(name, "rdw_includes_header") == 0)
		opts->rdw_includes_header = defGetBoolean(def);
	else if (strcmp(name, "bdw_byte_order") == 0)
		opts->bdw_big_endian = pg_strcasecmp(s, "big") == 0;
	else if (strcmp(name, "bdw_includes_header") == 0)
		opts->bdw_includes_header = defGetBoolean(def);
	else if (strcmp(name, "text_terminator") == 0)
		opts->text_terminator = text_terminator_value(def);
	else if (strcmp(name, "file_header_bytes") == 0)
		opts->file_header_bytes = int_value(def, 0, PG_INT64_MAX);
	else if (strcmp(name, "share_count") == 0)
		opts->share_count = (int32) int_value(def, 1, ZFDW_MAX_SHARES);
	else if (strcmp(name, "share_index") == 0)
		opts->share_index = (int32) int_value(def, 0, ZFDW_MAX_SHARES - 1);
	else if (strcmp(name, "file_trailer_bytes") == 0)
		opts->file_trailer_bytes = int_value(def, 0, PG_INT64_MAX);
	else if (strcmp(name, "codepage") == 0)
		opts->codepage = s;
	else if (strcmp(name, "copybook") == 0)
		opts->copybook = s;
	else if (strcmp(name, "copybook_text") == 0)
		opts->copybook_text = s;
	else if (strcmp(name, "copybook_format") == 0)
		opts->copybook_format = s;
	else if (strcmp(name, "pic_n") == 0)
		opts->pic_n_dbcs = pg_strcasecmp(s, "dbcs") == 0;
	else if (strcmp(name, "allow_larger_redefines") == 0)
		opts->allow_larger_redefines = defGetBoolean(def);
	else if (strcmp(name, "record") == 0)
		opts->record = s;
	else if (strcmp(name, "punch") == 0)
		opts->punch = s;
	else if (strcmp(name, "punch_text") == 0)
		opts->punch_text = s;
	else if (strcmp(name, "table") == 0)
		opts->table = s;
	else if (strcmp(name, "ddl") == 0)
		opts->ddl = s;
	else if (strcmp(name, "ddl_text") == 0)
		opts->ddl_text = s;
	else if (strcmp(name, "segment_field") == 0)
		opts->segment_field = s;
	else if (strcmp(name, "segment_value") == 0)
		opts->segment_value = s;
	else if (strcmp(name, "key") == 0)
		opts->key = s;
	else if (strcmp(name, "on_error") == 0)
		opts->on_error = pg_strcasecmp(s, "null") == 0 ? ZF_ON_ERROR_NULL :
			(pg_strcasecmp(s, "skip") == 0 || pg_strcasecmp(s, "ignore") == 0) ?
			ZF_ON_ERROR_SKIP : ZF_ON_ERROR_STOP;
	else if (strcmp(name, "reject_limit") == 0)
		opts->reject_limit = int_value(def, 1, PG_INT64_MAX);
	else if (strcmp(name, "accept") == 0)
		opts->accept = s;
	else if (strcmp(name, "log_verbosity") == 0)
	{
		opts->log_verbose = pg_strcasecmp(s, "verbose") == 0;
		opts->log_silent = pg_strcasecmp(s, "silent") == 0;
	}
	else if (strcmp(name, "compression") == 0)
	{
		for (int k = ZF_COMPRESSION_AUTO; k <= ZF_COMPRESSION_ZSTD; k++)
			if (pg_strcasecmp(s, zf_compression_name((zf_compression) k)) == 0)
				opts->compression = (zf_compression) k;
	}
	else if (strcmp(name, "float_format") == 0)
		opts->float_format = pg_strcasecmp(s, "ieee") == 0 ? ZF_FLOAT_IEEE : ZF_FLOAT_HFP;
	else if (strcmp(name, "date_format") == 0)
		opts->date_format = s;
	else if (strcmp(name, "trim_low_values") == 0)
		opts->trim_low_values = defGetBoolean(def);
	else if (strcmp(name, "json_fillers") == 0)
		opts->json_fillers = defGetBoolean(def);
	else if (strcmp(name, "dialect") == 0)
	{
		zf_dialect	d = ZF_DIALECT_IBM;

		(void) zf_dialect_lookup(s, &d);
		opts->dialect = (int) d;
	}
	else if (strcmp(name, "trim") == 0)
		opts->trim = pg_strcasecmp(s, "both") == 0 ? ZF_TRIM_BOTH :
			pg_strcasecmp(s, "none") == 0 ? ZF_TRIM_NONE : ZF_TRIM_RIGHT;
	else if (strcmp(name, "delimiter") == 0)
	{
		opts->delimiter = s;
		opts->delimiter_given = true;
	}
	else if (strcmp(name, "quote") == 0)
	{
		opts->quote = s;
		opts->quote_given = true;
	}
	else if (strcmp(name, "null") == 0)
		opts->null_string = s;
	else if (strcmp(name, "header") == 0)
		opts->header = defGetBoolean(def);
	else if (strcmp(name, "decimal_point") == 0)
	{
		opts->decimal_point = s[0];
		opts->decimal_point_given = true;
	}
	else if (strcmp(name, "writable") == 0)
		opts->writable = defGetBoolean(def);
	else if (strcmp(name, "truncate_text") == 0)
		opts->truncate_text = defGetBoolean(def);
	else if (strcmp(name, "fill") == 0)
		opts->fill = fill_value(def, &opts->fill_byte);
	else if (strcmp(name, "blksize") == 0)
		opts->blksize = (int32) int_value(def, 9, 32760);
}

/*
 * The options of a foreign table: the server's defaults overridden by the
 * table's own.
 */
void
zfdw_get_table_options(Oid relid, ZfTableOptions *opts)
{
	ForeignTable *table = GetForeignTable(relid);
	ForeignServer *server = GetForeignServer(table->serverid);
	ListCell   *lc;

	table_options_init(opts);
	opts->serverid = table->serverid;
	foreach(lc, server->options)
		apply_table_option(opts, (DefElem *) lfirst(lc));
	foreach(lc, table->options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		apply_table_option(opts, def);
		if (strcmp(def->defname, "codepage") == 0)
			opts->codepage_given = true;
	}
}

/* The options of one column of a foreign table. */
void
zfdw_get_column_options(Oid relid, AttrNumber attnum, ZfColumnOptions *copts)
{
	ListCell   *lc;

	memset(copts, 0, sizeof(*copts));
	copts->scale = INT32_MIN;
	foreach(lc, GetForeignColumnOptions(relid, attnum))
	{
		DefElem    *def = (DefElem *) lfirst(lc);
		const char *name = def->defname;
		char	   *s = defGetString(def);

		if (strcmp(name, "field") == 0)
			copts->field = s;
		else if (strcmp(name, "position") == 0)
			copts->position = (int32) bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
		else if (strcmp(name, "length") == 0)
			copts->length = (int32) bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
		else if (strcmp(name, "pic") == 0)
			copts->pic = s;
		else if (strcmp(name, "usage") == 0)
			copts->usage = s;
		else if (strcmp(name, "scale") == 0)
			copts->scale = (int32) int_value(def, -ZF_MAX_DIGITS, 2 * ZF_MAX_DIGITS);
		else if (strcmp(name, "null_indicator") == 0)
			copts->null_indicator = (int32) bounded_value(def, 1, zfdw_max_record_length, "zfdw.max_record_length");
		else if (strcmp(name, "occurs") == 0)
			copts->occurs = (int32) bounded_value(def, 1, zfdw_max_occurs, "zfdw.max_occurs");
		else if (strcmp(name, "format") == 0)
			copts->format = s;
		else if (strcmp(name, "codepage") == 0)
			copts->codepage = s;
		else if (strcmp(name, "null_if") == 0)
			copts->null_if = null_if_value(def, &copts->null_if_bytes);
		else if (strcmp(name, "meta") == 0)
			copts->meta = (ZfMeta) (word_value(def, zf_meta_names + 1, "") + 1);
		else if (strcmp(name, "trim_low_values") == 0)
		{
			copts->trim_low_values_given = true;
			copts->trim_low_values = defGetBoolean(def);
		}
		else if (strcmp(name, "byte_order") == 0)
			copts->byte_order = pg_strcasecmp(defGetString(def), "little") == 0 ? 2 : 1;
		else if (strcmp(name, "trim") == 0)
		{
			copts->trim_given = true;
			copts->trim = pg_strcasecmp(s, "both") == 0 ? ZF_TRIM_BOTH :
				pg_strcasecmp(s, "none") == 0 ? ZF_TRIM_NONE : ZF_TRIM_RIGHT;
		}
	}
}
