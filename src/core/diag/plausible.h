/*-------------------------------------------------------------------------
 *
 * plausible.h
 *	  Plausibility checks at the start of a scan: is the data what the
 *	  table's options say it is?
 *
 * Decoders catch bytes that cannot be a value; they cannot catch a
 * description that is wrong in a way that still yields values: a record
 * length twice the layout's (every second record lost), a code page whose
 * letters are another page's symbols ("M}ller"), record descriptors read
 * as data.  These checks compare the options with the first bytes of the
 * file and name the likely mistake, as an error where the data cannot be
 * what the options say and as a warning where it is merely unlikely.
 * Each check has a name; a table lists the names it accepts (the fdw's
 * option "accept") to say "yes, I mean it".
 *
 * Checks (names as in the accept option):
 *   lrecl_multiple   error    fb lrecl is k times the layout's length
 *   layout_short     warning  the layout covers less than half of lrecl
 *   rdw_as_fb        error    fb, but the file is a valid RDW chain
 *   fixed_as_vb      error    vb, but the first RDW is invalid and the
 *                             size is a whole number of layout records
 *   ascii_transfer   error    EBCDIC page, but the data is ASCII text or
 *                             carries ASCII line ends between records, or
 *                             a line end (X'25', X'15', X'0D25') follows
 *                             every fb record
 *   ebcdic_as_ascii  error    ascii/latin1/utf8, but the text is EBCDIC
 *   codepage         warning  the text fields read as symbols inside
 *                             words where another EBCDIC page reads letters
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_PLAUSIBLE_H
#define ZF_PLAUSIBLE_H

#include "records/record_reader.h"
#include "text/codepage.h"

#define ZF_PLAUSIBLE_SAMPLE		(64 * 1024)
#define ZF_PLAUSIBLE_MAX		8
#define ZF_PLAUSIBLE_MAX_SPANS	64

/* A text field of a fixed layout: offset and length in the record. */
typedef struct zf_span
{
	uint32_t	offset;
	uint32_t	length;
} zf_span;

typedef struct zf_plausible_input
{
	const uint8_t *sample;		/* the first bytes of the (first) file */
	size_t		n;
	int64_t		file_size;		/* -1 unknown */
	uint64_t	header_bytes;	/* file_header_bytes */
	zf_recfm	recfm;
	bool		record_format;	/* format 'record' (not delimited) */
	uint32_t	lrecl;			/* fb: the record length used */
	bool		lrecl_given;	/* by the lrecl option */
	uint32_t	layout_length;	/* the layout's (maximum) record length */
	bool		layout_fixed;	/* the layout has one length */
	const zf_codepage *cp;		/* the table's code page */
	const zf_span *text;		/* text fields of the columns read, for fb */
	int			ntext;
} zf_plausible_input;

typedef struct zf_plausible_finding
{
	const char *check;			/* the name to accept */
	bool		error;			/* else a warning */
	char		message[ZF_MSG_LEN];
	char		detail[ZF_DETAIL_LEN];
	char		hint[ZF_HINT_LEN];
} zf_plausible_finding;

/*
 * Run the checks not in accepted (a comma-separated list of check names,
 * or NULL); fill out[] (ZF_PLAUSIBLE_MAX entries), errors first, and set
 * *nout.  Returns an error only for bad arguments.
 */
extern zf_status zf_plausible_check(const zf_plausible_input *in,
									const char *accepted,
									zf_plausible_finding *out, int *nout,
									zf_error *err);

/* Is name a check that accepted may list? */
extern bool zf_plausible_known_check(const char *name);

#endif							/* ZF_PLAUSIBLE_H */
