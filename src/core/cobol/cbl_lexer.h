/*-------------------------------------------------------------------------
 *
 * cbl_lexer.h
 *	  COBOL source reader and tokenizer for the copybook parser (private).
 *
 * The reader turns fixed- or free-format source into one stream of
 * program text: sequence and indicator areas, comment and debugging
 * lines, floating comments (*>) and columns 73-80 removed, continuation
 * lines joined.  It remembers where every character came from, so tokens
 * and errors carry the line and column of the source.  The tokenizer cuts
 * the stream into COBOL words, literals and separator periods.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_CBL_LEXER_H
#define ZF_CBL_LEXER_H

#include "cobol/copybook.h"

typedef enum cbl_tok_kind
{
	CBL_EOF = 0,
	CBL_WORD,					/* a COBOL word, number or PICTURE string */
	CBL_LITERAL,				/* '...', "...", X'..', N'..', G'..' */
	CBL_PERIOD					/* the separator period ending an entry */
} cbl_tok_kind;

typedef struct cbl_token
{
	cbl_tok_kind kind;
	const char *text;			/* not NUL-terminated */
	size_t		len;
	size_t		pos;			/* position in the stream */
} cbl_token;

typedef struct cbl_lexer
{
	char	   *buf;			/* the program text */
	uint32_t   *src;			/* per stream character: its source offset */
	size_t		n;
	size_t		cap;
	size_t		pos;			/* tokenizer position */
	uint32_t   *line_start;		/* source offset of each line */
	int			nlines;
	zf_error   *err;
} cbl_lexer;

/* Read the source; ZF_E_SYNTAX for a bad indicator or literal. */
extern zf_status zf_cbl_lexer_init(cbl_lexer *lx, const char *text, size_t len,
								zf_source_format format, zf_error *err);
extern void zf_cbl_lexer_free(cbl_lexer *lx);

/* The next token; ZF_E_SYNTAX for an unterminated literal. */
extern zf_status zf_cbl_next(cbl_lexer *lx, cbl_token *tok);

/* The 1-based source line and column of a stream position. */
extern void zf_cbl_position(const cbl_lexer *lx, size_t pos, int *line,
						 int *column);

/* True when the token is the word w (case-insensitive). */
extern bool zf_cbl_is(const cbl_token *tok, const char *w);

#endif							/* ZF_CBL_LEXER_H */
