/*-------------------------------------------------------------------------
 *
 * delimited.h
 *	  Split a delimited record (DB2 FORMAT DELIMITED, IIDR flat files, AWS
 *	  DMS CSV, any CSV) into its fields, in the record's own code page.
 *
 * The grammar, with D the column delimiter, Q the string delimiter (quote)
 * and S the page's blank:
 *
 *	 record	 := field (D field)*
 *	 field	 := S* Q (any byte but Q | Q Q)* Q S*	   a quoted value
 *			  | (any byte but D and Q)*			   an unquoted value
 *
 * A doubled quote inside a quoted value stands for one quote.  Blanks
 * before an opening quote and after a closing one are padding, as DB2
 * writes them; anything else next to a quoted value, or a quote inside an
 * unquoted value, is an error.  An unquoted value keeps its blanks.  In a
 * mixed EBCDIC page (SBCS with SO X'0E' / SI X'0F' around DBCS pairs) the
 * bytes between SO and SI are never delimiters or quotes.
 *
 * The splitter does not translate or copy anything: it returns offsets and
 * lengths into the record, so that only the fields a query uses are
 * decoded.  What an empty or quoted field means (DB2: an empty unquoted
 * field is NULL, a quoted empty string is an empty string) is left to the
 * caller, which gets the "quoted" flag of every field.
 *
 * Records are cut by the record reader (record.h).  In text framing a
 * quoted value may contain the line terminator; zf_delim_scan tells the
 * caller that a line ends inside an open quote, so that it can join the
 * next line to it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DELIMITED_H
#define ZF_DELIMITED_H

#include "text/codepage.h"

/* Byte classes of the splitter's table. */
typedef enum zf_delim_class
{
	ZF_DC_DATA = 0,
	ZF_DC_DELIM,
	ZF_DC_QUOTE,
	ZF_DC_SPACE,
	ZF_DC_SO,
	ZF_DC_SI
} zf_delim_class;

typedef struct zf_delim_opts
{
	uint8_t		delimiter;		/* column delimiter, a byte of the page */
	int16_t		quote;			/* string delimiter byte, -1 for none */
	uint8_t		space;			/* the page's blank (padding of quoted values) */
	bool		shift_codes;	/* SO/SI enclose DBCS bytes (mixed EBCDIC) */

	/*
	 * When > 0: a record of expected_fields + 1 fields whose last field is
	 * empty and unquoted (a trailing delimiter) counts expected_fields.
	 */
	uint32_t	expected_fields;
	uint8_t		cls[256];		/* zf_delim_class of every byte */
} zf_delim_opts;

/*
 * Set up options for a code page from the delimiter and quote given as
 * characters (UTF-8, one character each; quote NULL or "" for none): they
 * are translated to the page, so that ',' is X'6B' and '"' is X'7F' in
 * cp037.  Either may also be a hex literal X'hh': that byte of the page,
 * untranslated (as DB2's COLDEL X'6B').  A character the page has no
 * single byte for, a delimiter equal to the quote, or SO/SI as a delimiter
 * in a mixed page is ZF_E_ARG.
 */
extern zf_status zf_delim_opts_init(zf_delim_opts *opts, const zf_codepage *cp,
									const char *delimiter, const char *quote,
									zf_error *err);

/*
 * The same from bytes already in the page (a DB2 punch's COLDEL and
 * CHARDEL); quote -1 for none.  space is the page's blank; shift_codes as
 * above.
 */
extern zf_status zf_delim_opts_bytes(zf_delim_opts *opts, uint8_t delimiter,
									 int quote, uint8_t space,
									 bool shift_codes, zf_error *err);

/* One field of a split record. */
typedef struct zf_delim_field
{
	uint32_t	offset;			/* first byte of the value, inside the quotes */
	uint32_t	length;			/* bytes of the value, quotes and padding
								 * excluded, doubled quotes still doubled */
	bool		quoted;			/* the value was enclosed in quotes */
	bool		doubled;		/* it holds doubled quotes: see
								 * zf_delim_unquote */
} zf_delim_field;

/*
 * Split one record into fields[0..*nfields-1].  At most max_fields fields
 * are stored; a record with more is ZF_E_LIMIT.  Errors are ZF_E_BAD_DATA
 * with err->offset at the offending byte of the record: an unterminated
 * quoted value (the offset of its opening quote), a quote inside an
 * unquoted value, data after a closing quote, an SO without its SI.  An
 * empty record is one empty unquoted field.  No allocation.
 */
extern zf_status zf_delim_split(const zf_delim_opts *opts, const uint8_t *rec,
								uint32_t len, zf_delim_field *fields,
								uint32_t max_fields, uint32_t *nfields,
								zf_error *err);

/*
 * Copy a quoted value with each doubled quote collapsed into one, into dst
 * (room for n bytes).  Returns the bytes written.
 */
extern uint32_t zf_delim_unquote(const zf_delim_opts *opts, const uint8_t *src,
								 uint32_t n, uint8_t *dst);

/*
 * Line joining for text framing.  A zf_delim_scan follows the splitter's
 * state across chunks: feed it a line, then the terminator bytes and the
 * next line, as long as zf_delim_scan_feed says the bytes so far end
 * inside an open quoted value.  A syntax error ends the scan as "not
 * open": the splitter reports it.
 */
typedef struct zf_delim_scan
{
	uint8_t		state;
	uint8_t		shifted;		/* inside SO..SI */
} zf_delim_scan;

extern void zf_delim_scan_init(zf_delim_scan *scan);
extern bool zf_delim_scan_feed(const zf_delim_opts *opts, zf_delim_scan *scan,
							   const uint8_t *p, size_t n);

/*
 * The line end between two lines that a quoted value spans, as the file
 * has it: the record reader drops the terminator and a CR before it,
 * which the gap between the end of one line and the start of the next
 * shows (2 bytes: CR and terminator).  Writes 1 or 2 bytes to out and
 * returns how many.
 */
extern size_t zf_delim_line_end(uint8_t terminator, uint64_t gap,
								uint8_t out[2]);

#endif							/* ZF_DELIMITED_H */
