/*-------------------------------------------------------------------------
 *
 * cbl_parser.h
 *	  The copybook parser's state and data description entries (private to
 *	  cbl_entries.c, which reads the entries, and copybook.c, which builds
 *	  the layout from them).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_CBL_PARSER_H
#define ZF_CBL_PARSER_H

#include "cobol/cbl_lexer.h"
#include "cobol/usage.h"
#include "layout/layout_int.h"

#define MAX_QUAL		8		/* names in "A OF B OF C" */
#define MAX_NAME_CHARS	128
#define MAX_PIC_CHARS	64

/* A possibly qualified name: word[0] OF word[1] OF ... */
typedef struct cb_qname
{
	cbl_token	word[MAX_QUAL];
	int			n;				/* 0: none */
} cb_qname;

/* One data description entry as written. */
typedef struct cb_entry
{
	int			level;
	size_t		pos;			/* of the level number */
	cbl_token	name;			/* kind CBL_EOF when unnamed */
	bool		has_pic;
	cbl_token	pic;
	zf_picture	picinfo;
	zf_usage	usage;
	size_t		usage_pos;
	char		sign;			/* 0, 'L' leading or 'T' trailing */
	bool		sign_separate;
	size_t		sign_pos;
	bool		has_occurs;
	uint32_t	occ_min;
	uint32_t	occ_max;
	size_t		occ_pos;
	cb_qname	depending;
	cbl_token	redefines;		/* kind CBL_EOF when none */
	cb_qname	renames_a;
	cb_qname	renames_b;
	bool		justified;
	bool		bwz;
	bool		sync;
	size_t		attr_pos;		/* of the last JUST/BLANK/SYNC clause */
	int32_t		field;			/* its layout field */
	int32_t		prev_sibling;	/* layout field before it at its level */
} cb_entry;

/* What a group passes down to its items. */
typedef struct cb_frame
{
	int			level;
	int32_t		entry;			/* -1 for a record added for a copybook
								 * that starts below level 01 */
	int32_t		field;
	int32_t		last_child;
	zf_usage	usage;
	char		sign;
	bool		sign_separate;
	bool		sync;
} cb_frame;

typedef struct cb_parser
{
	cbl_lexer	lx;
	cbl_token	tok;
	const zf_copybook_opts *opts;
	zf_error   *err;
	cb_entry   *entries;
	int32_t		nentries;
	int32_t		cap;
	zf_layout  *L;
	int32_t    *field_entry;	/* per field: its entry, -1 if none */
	int32_t		field_entry_cap;
} cb_parser;

/* Set an error at a stream position (line and column of the source). */
extern zf_status zf_cbl_error(cb_parser *p, zf_status st, size_t pos,
						  const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* Pass 1: read every data description entry of the text. */
extern zf_status zf_cbl_parse_entries(cb_parser *p);

/*
 * cbl_damage.c: when a copybook does not parse (ZF_E_SYNTAX) and err has
 * no hint, name the likely damage (comment column, sequence numbers,
 * tabs, a missing period) from the source line err points at.
 */
extern void zf_copybook_damage_hint(const char *text, size_t len, zf_error *err);

#endif							/* ZF_CBL_PARSER_H */
