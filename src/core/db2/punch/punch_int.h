/*-------------------------------------------------------------------------
 *
 * punch_int.h
 *	  Internals of the SYSPUNCH parser shared by punch_lex.c (card images
 *	  into tokens), punch.c (the LOAD statement and its INTO TABLE blocks)
 *	  and punch_fields.c (field specifications into layout fields).  Not
 *	  part of the API.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_PUNCH_INT_H
#define ZF_PUNCH_INT_H

#include "db2/punch/punch.h"

typedef enum punch_tok_type
{
	PT_END = 0,					/* end of the text */
	PT_WORD,					/* keyword or ordinary identifier */
	PT_NUMBER,					/* unsigned decimal digits */
	PT_NAME,					/* "delimited identifier", trailing blanks
								 * removed */
	PT_STRING,					/* 'character constant' */
	PT_HEX,						/* X'hex constant', as bytes */
	PT_PUNCT,					/* one character: ( ) , : = * . < > ... */
	PT_BAD						/* a malformed token: text is the message */
} punch_tok_type;

typedef struct punch_token
{
	punch_tok_type type;
	int			line;			/* 1-based source position */
	int			col;
	const char *text;			/* WORD, NUMBER: the source characters;
								 * NAME, STRING, HEX: the decoded value;
								 * BAD: what is wrong */
	uint32_t	len;
	char		punct;			/* PT_PUNCT */
	uint64_t	number;			/* PT_NUMBER, saturating at UINT32_MAX+ */
} punch_token;

/* The text cut into tokens: JCL lines, comments and card sequence numbers
 * left out. */
typedef struct punch_tokens
{
	punch_token *tok;
	int32_t		ntok;			/* the last one is PT_END */
	char	   *values;			/* decoded NAME/STRING/HEX values */
} punch_tokens;

extern zf_status zf_punch_tokenize(const char *text, size_t len,
								punch_tokens *out, zf_error *err);
extern void zf_punch_tokens_free(punch_tokens *t);

/* True when tok is the word w (case-insensitive). */
extern bool zf_punch_is_word(const punch_token *tok, const char *w);

/* True when tok is the punctuation character c. */
static inline bool
punch_is_punct(const punch_token *tok, char c)
{
	return tok->type == PT_PUNCT && tok->punct == c;
}

/* A short rendering of a token for messages: "POSITION", "')'", "end of
 * text". */
extern void zf_punch_tok_describe(const punch_token *tok, char *buf, size_t cap);

/* Where a field's position comes from. */
typedef enum punch_pos_kind
{
	POS_NONE = 0,				/* no POSITION (delimited, or sequential) */
	POS_STAR,					/* POSITION(*): right after the previous */
	POS_START,					/* POSITION(s) */
	POS_RANGE					/* POSITION(s:e) */
} punch_pos_kind;

/* A one-byte (or longer) condition: NULLIF, WHEN. */
typedef struct punch_cond
{
	bool		present;
	bool		by_name;		/* a field name instead of a position */
	const punch_token *name;
	uint32_t	start;			/* 1-based */
	uint32_t	end;
	bool		negate;
	const uint8_t *value;		/* bytes in the data's encoding */
	uint32_t	vlen;
	const punch_token *at;		/* for messages */
} punch_cond;

/* One field specification as written, before it is laid out. */
typedef struct punch_fspec
{
	const punch_token *name_tok;
	char		name[256];
	punch_pos_kind pos;
	uint32_t	start;			/* 1-based, POS_START and POS_RANGE */
	uint32_t	end;			/* POS_RANGE */
	const punch_token *pos_tok;

	/* the data type, as written */
	const punch_token *type_tok;
	const char *type;			/* canonical: "char", "varchar", "decimal", ... */
	int			nargs;			/* numbers in parentheses after the type or a
								 * modifier (CHAR MIXED(001)) */
	int64_t		args[2];
	const punch_token *args_tok;
	bool		external;
	bool		mixed;
	bool		bit;
	bool		packed;
	bool		zoned;
	bool		with_tz;
	const char *file_ref;		/* "blobf", "clobf", "dbclobf" or NULL */

	punch_cond	nullif;
	bool		is_null_ind;	/* DSN_NULL_IND_nnnnn: the indicator byte of
								 * the next field */
} punch_fspec;

/* Statement-level settings of one LOAD statement. */
typedef struct punch_stmt
{
	bool		unicode;
	bool		ascii;
	int32_t		ccsid[3];		/* SBCS, mixed, DBCS; 0 if not given */
	zf_float_format float_format;
	bool		spanned;
	bool		delimited;
	char		coldel,
				chardel,
				decpt;
} punch_stmt;

/* The table an INTO TABLE block loads, with its options. */
typedef struct punch_block
{
	char		creator[256];
	char		table[256];
	bool		has_creator;
	int32_t		part;
	const punch_token *into_tok;
	int32_t		nwhen;
	punch_cond	when[8];
} punch_block;

/* What punch.c and punch_fields.c share while one punch is parsed. */
typedef struct punch_ctx
{
	zf_layout  *L;
	const zf_punch_opts *opts;
	zf_error   *err;
	const punch_token **field_tok;	/* per layout field: the token that
									 * named it, for error positions */
	int32_t		field_tok_cap;
} punch_ctx;

/* Remember the token a layout field came from; false if out of memory. */
extern bool zf_punch_note_field(punch_ctx *c, int32_t field,
							 const punch_token *tok);

/*
 * Lay out the field specifications of one INTO TABLE block as a new
 * record definition of c->L (punch_fields.c).
 */
extern zf_status zf_punch_build_record(punch_ctx *c, const punch_stmt *st,
									const punch_block *blk,
									punch_fspec *specs, int32_t nspecs);

/* Encode a character constant (ASCII/UTF-8 in the punch) into the data's
 * SBCS encoding: EBCDIC page ccsid, or as is for ASCII and Unicode. */
extern zf_status zf_punch_encode_constant(const punch_stmt *st,
									   const punch_token *tok,
									   uint8_t *dst, size_t cap,
									   uint32_t *outlen, zf_error *err);

/* Set err's position to tok's and return status. */
extern zf_status zf_punch_fail_at(zf_error *err, const punch_token *tok);

/* Set err (status and message) at tok's position (none when tok is NULL). */
extern zf_status zf_punch_fail(zf_error *err, const punch_token *tok,
							zf_status status, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

#endif							/* ZF_PUNCH_INT_H */
