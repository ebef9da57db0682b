/*-------------------------------------------------------------------------
 *
 * ddl_int.h
 *	  Internals shared by the DB2 DDL lexer, parser and PostgreSQL writer:
 *	  memory (arena, growable buffer, string map), tokens and the parsed
 *	  statements.  Not part of the core's public interface.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DDL_INT_H
#define ZF_DDL_INT_H

#include "base/arena.h"
#include "db2/ddl/db2ddl.h"

/* Limits that keep hostile input bounded. */
#define DDL_MAX_DEPTH		200		/* parenthesis nesting */
#define DDL_MAX_NAME		1024	/* bytes in one identifier */
#define DDL_MAX_COLUMNS		1600	/* columns in one table (PostgreSQL's) */
#define DDL_MAX_NOTE		600		/* bytes in one note */

/* ---------------------------------------------------------------------
 * Memory: an arena with a byte budget (base/arena.h), a growable buffer,
 * a string map.
 * ---------------------------------------------------------------------
 */
/* A growable text buffer; appends after a failure are ignored. */
typedef struct ddl_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	size_t		limit;
	bool		failed;
} ddl_buf;

extern void zf_ddl_buf_init(ddl_buf *b, size_t limit);
extern void zf_ddl_buf_free(ddl_buf *b);
extern void zf_ddl_buf_reset(ddl_buf *b);
extern void zf_ddl_buf_putn(ddl_buf *b, const char *s, size_t n);
extern void zf_ddl_buf_puts(ddl_buf *b, const char *s);
extern void zf_ddl_buf_putc(ddl_buf *b, char c);
extern void zf_ddl_buf_printf(ddl_buf *b, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* Open-addressing map from NUL-terminated keys to pointers. */
typedef struct ddl_map
{
	const char **keys;
	void	  **vals;
	size_t		cap;
	size_t		count;
	zf_arena   *arena;
} ddl_map;

extern void zf_ddl_map_init(ddl_map *m, zf_arena *a);
extern bool zf_ddl_map_put(ddl_map *m, const char *key, void *val);
extern void *zf_ddl_map_get(const ddl_map *m, const char *key);

/* ASCII helpers (the DDL's keywords and ordinary identifiers are ASCII). */
extern int	zf_ddl_strcasecmp(const char *a, const char *b);
extern int	zf_ddl_strcasecmp_n(const char *a, const char *b, size_t n);
extern char *zf_ddl_upper(zf_arena *a, const char *s);

/* ---------------------------------------------------------------------
 * Tokens
 * ---------------------------------------------------------------------
 */
typedef enum ddl_tk
{
	TK_END,						/* past the end of a statement */
	TK_WORD,					/* ordinary identifier or keyword; text is
								 * upper case */
	TK_DELIM,					/* "delimited identifier"; text unescaped,
								 * trailing blanks removed */
	TK_STRING,					/* 'string'; text unescaped */
	TK_HEX,						/* X'..' (also BX, UX, GX); text = digits */
	TK_GSTRING,					/* G'..' or N'..'; text unescaped */
	TK_NUMBER,					/* as written */
	TK_PUNCT					/* operator or punctuation; text normalised
								 * ("<>" for "¬=") */
} ddl_tk;

#define TF_SPACE	0x01		/* blank or comment before the token */
#define TF_NEWLINE	0x02		/* a line break before the token */

typedef struct ddl_token
{
	uint8_t		kind;
	uint8_t		flags;
	uint16_t	indent;			/* column - 1 when TF_NEWLINE */
	int			line;
	int			column;
	const char *text;
	uint32_t	offset;			/* source span */
	uint32_t	length;
} ddl_token;

/* A statement's tokens: [first, end). */
typedef struct ddl_span
{
	int			first;
	int			end;
} ddl_span;

typedef struct ddl_lexed
{
	const char *src;			/* the text the tokens point into (a copy
								 * with sequence numbers blanked, for card
								 * images) */
	ddl_token  *tokens;
	int			ntokens;
	ddl_span   *stmts;
	int			nstmts;
} ddl_lexed;

extern bool zf_ddl_valid_terminator(char c);
extern zf_status zf_ddl_lex(zf_arena *a, const char *src, size_t len,
						 char terminator, ddl_lexed *out, zf_error *err);

/* ---------------------------------------------------------------------
 * Parsed statements
 * ---------------------------------------------------------------------
 */
typedef struct ddl_range
{
	int			first;
	int			end;
} ddl_range;

typedef struct ddl_name
{
	const char *loc;			/* location (three-part names), or NULL */
	const char *qual;			/* creator as written, or NULL */
	const char *name;
	int			line;
	int			column;
} ddl_name;

/* Options of an identity column or a sequence (values as written). */
typedef struct ddl_seqopts
{
	const char *as_type;		/* CREATE SEQUENCE ... AS type (DB2 text) */
	const char *start;
	const char *increment;
	const char *minvalue;
	const char *maxvalue;
	const char *cache;
	const char *restart;
	bool		no_minvalue;
	bool		no_maxvalue;
	bool		cycle;
	bool		no_cycle;
	bool		no_cache;
	bool		order;			/* ORDER or NO ORDER given */
	const char *order_text;
} ddl_seqopts;

typedef enum ddl_gen
{
	GEN_NONE,
	GEN_IDENTITY,
	GEN_ROWID,					/* GENERATED on a ROWID column */
	GEN_ROW_CHANGE_TS,
	GEN_ROW_BEGIN,
	GEN_ROW_END,
	GEN_TRANS_ID,
	GEN_EXPRESSION
} ddl_gen;

typedef enum ddl_con_kind
{
	CON_PK,
	CON_UNIQUE,
	CON_FK,
	CON_CHECK
} ddl_con_kind;

typedef struct ddl_constraint
{
	ddl_con_kind kind;
	const char *name;			/* DB2 name, or NULL */
	int			ncols;
	const char **cols;
	ddl_name	ref;			/* FK parent */
	int			nrefcols;
	const char **refcols;
	const char *on_delete;		/* "RESTRICT", "CASCADE", "SET NULL",
								 * "NO ACTION" or NULL */
	const char *on_update;
	bool		not_enforced;
	bool		query_opt;		/* ENABLE/DISABLE QUERY OPTIMIZATION given */
	bool		without_overlaps;	/* BUSINESS_TIME WITHOUT OVERLAPS */
	ddl_range	check;			/* CHECK condition tokens */
	int			line;
	int			column;
} ddl_constraint;

/* Column clauses that have no PostgreSQL counterpart (bit mask). */
#define DROP_SBCS		0x0001
#define DROP_MIXED		0x0002
#define DROP_CCSID		0x0004
#define DROP_FIELDPROC	0x0008
#define DROP_SECLABEL	0x0010
#define DROP_HIDDEN		0x0020
#define DROP_INLINE		0x0040
#define DROP_UNITS		0x0080	/* CODEUNITS16/32, OCTETS */
#define DROP_XMLSCHEMA	0x0100

typedef struct ddl_column
{
	zf_db2_column pub;			/* must be first */
	bool		precision_given;
	ddl_range	type_text;		/* the type as written */
	ddl_range	dflt;			/* default value tokens (DEFAULT_VALUE) */
	ddl_gen		gen;
	bool		gen_always;
	ddl_range	gen_expr;
	ddl_seqopts seq;
	uint32_t	dropped;		/* DROP_* */
	ddl_name	utype;			/* user type name when type_name is one */
	int			ncons;			/* inline constraints */
	int			capcons;
	ddl_constraint *cons;
	struct ddl_table *table;	/* owning table (NULL for ALTER SET TYPE) */
} ddl_column;

typedef struct ddl_bound
{
	int			nvals;
	ddl_range  *vals;			/* one token range per value */
} ddl_bound;

typedef struct ddl_partition
{
	int			number;
	ddl_bound	bound;
	bool		inclusive;
	bool		has_options;	/* storage clauses on the partition */
	int			line;
} ddl_partition;

typedef struct ddl_partby
{
	int			ncols;
	const char **cols;
	bool		any_desc;
	bool		by_size;		/* PARTITION BY SIZE */
	int			nparts;
	int			capparts;
	ddl_partition *parts;
	ddl_range	text;			/* the whole clause */
	int			line;
} ddl_partby;

/* A clause dropped as it stands (storage, operational, unknown). */
typedef struct ddl_clause
{
	const char *text;
	const char *advice;			/* NULL: a plain storage clause */
	bool		unknown;
} ddl_clause;

typedef struct ddl_clauses
{
	int			n;
	int			cap;
	ddl_clause *items;
} ddl_clauses;

typedef struct ddl_table
{
	zf_db2_table pub;			/* must be first */
	ddl_name	name;
	ddl_column **cols;
	int			capcols;
	int			ncons;
	int			capcons;
	ddl_constraint *cons;
	ddl_partby *partby;
	ddl_clauses clauses;
	ddl_name	like;			/* CREATE TABLE ... LIKE */
	bool		has_like;
	bool		like_identity;
	ddl_range	as_query;		/* CREATE TABLE ... AS (fullselect) */
	bool		has_as;
	bool		mqt;			/* materialized query table */
	int			nperiods;		/* PERIOD clauses dropped */
	const char *period_text;
} ddl_table;

typedef struct ddl_index_key
{
	const char *col;			/* simple column, or NULL for an expression */
	ddl_range	expr;
	bool		desc;
	bool		random;
} ddl_index_key;

typedef struct ddl_index
{
	ddl_name	name;
	ddl_name	table;
	bool		unique;
	bool		where_not_null;
	bool		exclude_null_keys;
	bool		cluster;
	bool		partitioned;
	bool		aux;			/* index on an auxiliary (LOB) table */
	bool		without_overlaps;
	bool		xml_pattern;	/* GENERATE KEY USING XMLPATTERN */
	int			nkeys;
	int			capkeys;
	ddl_index_key *keys;
	int			ninclude;
	const char **include;
	ddl_range	index_parts;	/* index-controlled partitioning clause */
	const char *type_text;		/* "TYPE 2" */
	ddl_clauses clauses;
} ddl_index;

typedef struct ddl_view
{
	ddl_name	name;
	int			ncols;
	const char **cols;
	ddl_range	body;
	const char *check_option;	/* "CASCADED", "LOCAL" or NULL */
} ddl_view;

typedef struct ddl_alias
{
	ddl_name	name;
	ddl_name	target;
	bool		synonym;
	bool		sequence;		/* FOR SEQUENCE */
} ddl_alias;

typedef struct ddl_sequence
{
	ddl_name	name;
	ddl_seqopts seq;
	ddl_column	as_type;		/* AS type, when given */
	bool		has_type;
	ddl_clauses clauses;
} ddl_sequence;

typedef struct ddl_dtype
{
	ddl_name	name;
	ddl_column	base;			/* the source type */
	ddl_clauses clauses;
} ddl_dtype;

typedef enum ddl_alter_kind
{
	AL_ADD_COLUMN,
	AL_ADD_CONSTRAINT,
	AL_SET_TYPE,
	AL_SET_DEFAULT,
	AL_DROP_DEFAULT,
	AL_DROP_COLUMN,
	AL_DROP_CONSTRAINT,			/* name given */
	AL_DROP_PK,
	AL_DROPPED					/* a clause with no counterpart */
} ddl_alter_kind;

typedef struct ddl_alter_action
{
	ddl_alter_kind kind;
	ddl_column *column;			/* ADD COLUMN, SET TYPE (type only) */
	ddl_constraint *con;
	const char *colname;
	ddl_range	dflt;
	const char *conname;
	ddl_clause	clause;
} ddl_alter_action;

typedef struct ddl_alter
{
	ddl_name	table;
	int			nactions;
	int			capactions;
	ddl_alter_action *actions;
} ddl_alter;

typedef enum ddl_obj_kind
{
	OBJ_TABLE,
	OBJ_COLUMN,
	OBJ_COLUMNS,				/* COMMENT ON t (c IS '...', ...) */
	OBJ_INDEX,
	OBJ_VIEW,
	OBJ_ALIAS,
	OBJ_SYNONYM,
	OBJ_SEQUENCE,
	OBJ_TYPE,
	OBJ_OTHER
} ddl_obj_kind;

typedef struct ddl_comment_item
{
	const char *column;
	const char *text;
} ddl_comment_item;

typedef struct ddl_comment
{
	bool		label;			/* LABEL ON */
	ddl_obj_kind target;
	const char *target_word;	/* for OBJ_OTHER: the object kind */
	ddl_name	name;			/* table (or object) */
	int			nitems;
	int			capitems;
	ddl_comment_item *items;	/* one item with column NULL for an object */
} ddl_comment;

typedef struct ddl_drop
{
	ddl_obj_kind target;
	const char *target_word;
	ddl_name	name;
} ddl_drop;

typedef struct ddl_rename
{
	ddl_obj_kind target;
	ddl_name	from;
	const char *to;
} ddl_rename;

typedef enum ddl_st
{
	ST_CREATE_TABLE,
	ST_CREATE_INDEX,
	ST_CREATE_VIEW,
	ST_CREATE_ALIAS,
	ST_CREATE_SEQUENCE,
	ST_CREATE_TYPE,
	ST_ALTER_TABLE,
	ST_COMMENT,
	ST_SET_SCHEMA,
	ST_DROP,
	ST_RENAME,
	ST_DROPPED,					/* no PostgreSQL counterpart: reason note */
	ST_UNKNOWN,
	ST_ERROR
} ddl_st;

typedef struct ddl_stmt
{
	int			number;
	int			line;
	int			column;
	ddl_st		kind;
	const char *kind_text;
	const char *object;			/* DB2 name as written */
	ddl_span	span;
	const char *default_qual;	/* SQLID/schema in effect, or NULL */
	const char *reason;			/* ST_DROPPED, ST_UNKNOWN, ST_ERROR */
	int			nnotes;
	int			capnotes;
	const char **notes;			/* notes from the parser */
	union
	{
		ddl_table  *table;
		ddl_index  *index;
		ddl_view   *view;
		ddl_alias  *alias;
		ddl_sequence *sequence;
		ddl_dtype  *dtype;
		ddl_alter  *alter;
		ddl_comment *comment;
		ddl_drop   *drop;
		ddl_rename *rename;
		const char *schema;		/* ST_SET_SCHEMA: new qualifier or NULL */
	}			u;
} ddl_stmt;

struct zf_db2_script
{
	zf_arena	arena;
	const char *src;
	size_t		len;
	ddl_token  *tokens;
	int			ntokens;
	ddl_stmt   *stmts;
	int			nstmts;
	ddl_table **tables;			/* the model, in order */
	int			ntables;
	int			captables;
	ddl_map		table_map;		/* "CREATOR\001NAME" -> ddl_table */
	ddl_map		type_map;		/* "CREATOR\001NAME" -> ddl_dtype */
	ddl_map		creators;		/* every qualifier used for an object */
};

/* Parser entry (ddl_parse.c): fills script->stmts and the model. */
extern zf_status zf_ddl_parse_script(zf_db2_script *s, const ddl_lexed *lx,
								  bool continue_on_error, zf_error *err);

/* ---------------------------------------------------------------------
 * Shared parser helpers (ddl_parse.c), used by ddl_parse_table.c
 * ---------------------------------------------------------------------
 */
typedef struct ddl_cur
{
	zf_db2_script *s;
	ddl_stmt   *stmt;
	const ddl_token *toks;
	int			pos;
	int			end;
	zf_error   *err;
} ddl_cur;

extern const ddl_token *zf_ddlp_tok(const ddl_cur *c, int ahead);
extern bool zf_ddlp_at_end(const ddl_cur *c);
extern bool zf_ddlp_tok_is(const ddl_token *t, const char *word);
extern bool zf_ddlp_tok_punct(const ddl_token *t, const char *p);
extern bool zf_ddlp_tok_is_ident(const ddl_token *t);
extern bool zf_ddlp_is(const ddl_cur *c, const char *words);
extern bool zf_ddlp_accept(ddl_cur *c, const char *words);
extern bool zf_ddlp_accept_punct(ddl_cur *c, const char *p);
extern zf_status zf_ddlp_expect(ddl_cur *c, const char *words);
extern zf_status zf_ddlp_expect_punct(ddl_cur *c, const char *p);
extern zf_status zf_ddlp_error(ddl_cur *c, const char *expected);
extern zf_status zf_ddlp_nomem(ddl_cur *c);
extern zf_status zf_ddlp_ident(ddl_cur *c, const char **name);
extern zf_status zf_ddlp_qname(ddl_cur *c, ddl_name *name);
extern zf_status zf_ddlp_int(ddl_cur *c, int64_t *v);
extern zf_status zf_ddlp_signed_text(ddl_cur *c, const char **text);
extern zf_status zf_ddlp_skip_group(ddl_cur *c);
extern int	zf_ddlp_group_end(const ddl_cur *c);
extern zf_status zf_ddlp_name_list(ddl_cur *c, int *n, const char ***names,
							   bool allow_order);
extern zf_status zf_ddlp_note(ddl_cur *c, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern const char *zf_ddl_range_text(zf_db2_script *s, int first, int end);
extern const char *zf_ddl_name_text(zf_db2_script *s, const ddl_name *n);
extern const char *zf_ddl_model_key(zf_arena *a, const char *qual,
								 const char *name);
extern void zf_ddl_note_creator(zf_db2_script *s, const char *qual);

/* Storage and operational clauses: match one at the cursor. */
typedef enum ddl_ctx
{
	CTX_TABLE,
	CTX_INDEX,
	CTX_PARTITION,
	CTX_SEQUENCE,
	CTX_ALTER
} ddl_ctx;

extern bool zf_ddl_match_clause(ddl_cur *c, ddl_ctx ctx, ddl_clause *out);
extern bool zf_ddl_clause_starts(const ddl_cur *c, ddl_ctx ctx);
extern zf_status zf_ddl_skip_unknown(ddl_cur *c, ddl_ctx ctx, ddl_clause *out);
extern zf_status zf_ddl_add_clause(ddl_cur *c, ddl_clauses *list,
								const ddl_clause *cl);

/* ddl_parse_table.c */
extern zf_status zf_ddl_parse_column(ddl_cur *c, ddl_column *col,
								  bool type_only);
extern zf_status zf_ddl_parse_type(ddl_cur *c, ddl_column *col);
extern zf_status zf_ddl_parse_constraint(ddl_cur *c, ddl_constraint *con);
extern zf_status zf_ddl_parse_seqopts(ddl_cur *c, ddl_seqopts *seq,
								   bool in_parens);
extern bool zf_ddl_is_constraint_start(const ddl_cur *c);
extern zf_status zf_ddl_table_add_column(ddl_cur *c, ddl_table *t,
									  ddl_column *col);

/* ---------------------------------------------------------------------
 * Writer helpers (ddl_write_expr.c, ddl_bounds.c), used by ddl_write.c
 * ---------------------------------------------------------------------
 */
typedef struct ddl_writer ddl_writer;

#endif							/* ZF_DDL_INT_H */
