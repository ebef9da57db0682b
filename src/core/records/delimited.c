/*-------------------------------------------------------------------------
 *
 * delimited.c
 *	  Split delimited records into fields (see delimited.h for the grammar).
 *
 * One small state machine, driven by a 256-entry table of byte classes,
 * serves both the splitter and the line-joining scan, so that the two can
 * never disagree about where a quoted value ends.
 *
 *-------------------------------------------------------------------------
 */
#include "records/delimited.h"
#include "base/compiler.h"

#include <string.h>

#define ZF_SO	0x0E
#define ZF_SI	0x0F
#define SCAN_BROKEN 0xFF

/* Where the machine is within the current field. */
typedef enum delim_state
{
	ST_START = 0,				/* at the first byte of a field */
	ST_LEAD,					/* blanks that may precede a quote */
	ST_PLAIN,					/* inside an unquoted value */
	ST_QUOTED,					/* inside a quoted value */
	ST_QUOTE_SEEN,				/* a quote inside a quoted value: closing,
								 * or the first of a doubled pair */
	ST_AFTER					/* blanks after the closing quote */
} delim_state;

/* What one byte did. */
typedef enum delim_event
{
	EV_NONE = 0,
	EV_END_FIELD,				/* a delimiter ended the field */
	EV_QUOTE_IN_PLAIN,			/* error: quote inside an unquoted value */
	EV_DATA_AFTER_QUOTE			/* error: non-blank after a closing quote */
} delim_event;

typedef struct delim_machine
{
	delim_state state;
	bool		shifted;		/* between SO and SI */
	bool		doubled;		/* the quoted value holds doubled quotes */
	uint32_t	vstart;			/* first byte of the current value */
	uint32_t	vend;			/* the closing quote of a quoted value */
	uint32_t	quote_pos;		/* the opening quote */
	uint32_t	so_pos;			/* the last SO */
	/* the field that EV_END_FIELD ended */
	uint32_t	end_start;
	uint32_t	end_stop;
	bool		end_quoted;
	bool		end_doubled;
} delim_machine;

/* Classify the bytes of the page for the machine. */
static void
build_classes(zf_delim_opts *opts)
{
	memset(opts->cls, ZF_DC_DATA, sizeof(opts->cls));
	opts->cls[opts->space] = ZF_DC_SPACE;
	if (opts->shift_codes)
	{
		opts->cls[ZF_SO] = ZF_DC_SO;
		opts->cls[ZF_SI] = ZF_DC_SI;
	}
	if (opts->quote >= 0)
		opts->cls[opts->quote] = ZF_DC_QUOTE;
	opts->cls[opts->delimiter] = ZF_DC_DELIM;
}

/*
 * Options from bytes already in the page.  The delimiter wins over every
 * other class of its byte, then the quote, so that even a blank may be a
 * delimiter (it then never pads).
 */
zf_status
zf_delim_opts_bytes(zf_delim_opts *opts, uint8_t delimiter, int quote,
					uint8_t space, bool shift_codes, zf_error *err)
{
	memset(opts, 0, sizeof(*opts));
	if (quote > 255)
		return zf_error_set(err, ZF_E_ARG, "invalid quote byte %d", quote);
	if (quote >= 0 && (uint8_t) quote == delimiter)
		return zf_error_set(err, ZF_E_ARG,
							"the delimiter and the quote are the same byte X'%02X'",
							delimiter);
	if (shift_codes && (delimiter == ZF_SO || delimiter == ZF_SI ||
						quote == ZF_SO || quote == ZF_SI))
		return zf_error_set(err, ZF_E_ARG,
							"shift-out X'0E' and shift-in X'0F' cannot be delimiters in a mixed code page");
	opts->delimiter = delimiter;
	opts->quote = (int16_t) (quote < 0 ? -1 : quote);
	opts->space = space;
	opts->shift_codes = shift_codes;
	build_classes(opts);
	return ZF_OK;
}

/* The value of a hex digit, or -1. */
static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The byte of the page for a delimiter given as one character (UTF-8,
 * translated to the page) or as a hex literal X'hh' (the byte itself).
 */
static zf_status
char_to_byte(const zf_codepage *cp, const char *what, const char *c,
			 uint8_t *byte, zf_error *err)
{
	uint8_t		buf[16];
	size_t		n = 0;
	size_t		len = strlen(c);
	zf_error	sub;

	if (len == 5 && (c[0] == 'x' || c[0] == 'X') && c[1] == '\'' && c[4] == '\'' &&
		hex_digit(c[2]) >= 0 && hex_digit(c[3]) >= 0)
	{
		*byte = (uint8_t) (hex_digit(c[2]) * 16 + hex_digit(c[3]));
		return ZF_OK;
	}
	zf_error_clear(&sub);
	if (len == 0 || len > 4 ||
		zf_codepage_encode(cp, c, len, buf, sizeof(buf), &n, &sub) != ZF_OK || n != 1)
	{
		zf_error_set(err, ZF_E_ARG, "the %s \"%s\" is not a single byte in code page %s",
					 what, c, zf_codepage_name(cp));
		if (sub.message[0])
			zf_error_detail(err, "%s", sub.message);
		zf_error_hint(err, "Give one character of the page, or its byte as a hex literal such as X'6B'.");
		return ZF_E_ARG;
	}
	*byte = buf[0];
	return ZF_OK;
}

/* Options from characters, translated to the page. */
zf_status
zf_delim_opts_init(zf_delim_opts *opts, const zf_codepage *cp,
				   const char *delimiter, const char *quote, zf_error *err)
{
	uint8_t		d,
				q = 0;
	bool		has_quote = quote != NULL && quote[0] != '\0';
	zf_status	st;

	memset(opts, 0, sizeof(*opts));
	st = char_to_byte(cp, "delimiter", delimiter, &d, err);
	if (st != ZF_OK)
		return st;
	if (has_quote)
	{
		st = char_to_byte(cp, "quote", quote, &q, err);
		if (st != ZF_OK)
			return st;
	}
	return zf_delim_opts_bytes(opts, d, has_quote ? q : -1,
							   zf_codepage_space(cp),
							   zf_codepage_kind(cp) == ZF_CP_EBCDIC_MIXED, err);
}

/* Note that a delimiter at byte i ended the current field. */
static inline delim_event
end_field(delim_machine *m, uint32_t i, bool quoted)
{
	m->end_start = m->vstart;
	m->end_stop = quoted ? m->vend : i;
	m->end_quoted = quoted;
	m->end_doubled = quoted && m->doubled;
	m->state = ST_START;
	return EV_END_FIELD;
}

/* Enter SO..SI at byte i. */
static inline void
shift_out(delim_machine *m, uint32_t i)
{
	m->shifted = true;
	m->so_pos = i;
}

/*
 * Advance the machine over byte b at position i.  Bytes between SO and SI
 * are data whatever their value (DBCS bytes are X'41'..X'FE', so a X'0F'
 * there can only be the SI).
 */
static inline delim_event
step(delim_machine *m, const uint8_t *cls, uint8_t b, uint32_t i)
{
	zf_delim_class c;

	if (m->shifted)
	{
		if (b == ZF_SI)
			m->shifted = false;
		return EV_NONE;
	}
	c = (zf_delim_class) cls[b];
	switch (m->state)
	{
		case ST_START:
			m->vstart = i;
			ZF_FALLTHROUGH;
		case ST_LEAD:
			switch (c)
			{
				case ZF_DC_DELIM:
					return end_field(m, i, false);
				case ZF_DC_QUOTE:
					m->state = ST_QUOTED;
					m->quote_pos = i;
					m->vstart = i + 1;
					m->doubled = false;
					return EV_NONE;
				case ZF_DC_SPACE:
					m->state = ST_LEAD;
					return EV_NONE;
				default:
					m->state = ST_PLAIN;
					if (c == ZF_DC_SO)
						shift_out(m, i);
					return EV_NONE;
			}

		case ST_PLAIN:
			if (c == ZF_DC_DELIM)
				return end_field(m, i, false);
			if (c == ZF_DC_QUOTE)
				return EV_QUOTE_IN_PLAIN;
			if (c == ZF_DC_SO)
				shift_out(m, i);
			return EV_NONE;

		case ST_QUOTED:
			if (c == ZF_DC_QUOTE)
			{
				m->state = ST_QUOTE_SEEN;
				m->vend = i;
			}
			else if (c == ZF_DC_SO)
				shift_out(m, i);
			return EV_NONE;

		case ST_QUOTE_SEEN:
			if (c == ZF_DC_QUOTE)
			{
				m->doubled = true;
				m->state = ST_QUOTED;
				return EV_NONE;
			}
			ZF_FALLTHROUGH;
		case ST_AFTER:
			if (c == ZF_DC_DELIM)
				return end_field(m, i, true);
			if (c == ZF_DC_SPACE)
			{
				m->state = ST_AFTER;
				return EV_NONE;
			}
			return EV_DATA_AFTER_QUOTE;
	}
	return EV_NONE;
}

/* Store one field, or fail when the caller's array is full. */
static inline zf_status
emit(zf_delim_field *fields, uint32_t max_fields, uint32_t *n,
	 uint32_t start, uint32_t stop, bool quoted, bool doubled, uint32_t at,
	 zf_error *err)
{
	zf_delim_field *f;

	if (*n >= max_fields)
	{
		zf_error_set(err, ZF_E_LIMIT, "record has more than %u fields", max_fields);
		zf_error_limit(err, ZF_LIMIT_FIELDS);
		if (err)
			err->offset = at;
		return ZF_E_LIMIT;
	}
	f = &fields[(*n)++];
	f->offset = start;
	f->length = stop - start;
	f->quoted = quoted;
	f->doubled = doubled;
	return ZF_OK;
}

/* A data error at a byte offset of the record. */
static zf_status
bad_at(zf_error *err, uint32_t offset, const char *message)
{
	zf_error_set(err, ZF_E_BAD_DATA, "%s", message);
	if (err)
		err->offset = offset;
	return ZF_E_BAD_DATA;
}

/*
 * Split one record: run the machine over it, storing a field at every
 * delimiter and at the end.
 */
zf_status
zf_delim_split(const zf_delim_opts *opts, const uint8_t *rec, uint32_t len,
			   zf_delim_field *fields, uint32_t max_fields, uint32_t *nfields,
			   zf_error *err)
{
	delim_machine m;
	uint32_t	n = 0;
	zf_status	st;

	memset(&m, 0, sizeof(m));
	*nfields = 0;
	for (uint32_t i = 0; i < len; i++)
	{
		switch (step(&m, opts->cls, rec[i], i))
		{
			case EV_NONE:
				break;
			case EV_END_FIELD:
				st = emit(fields, max_fields, &n, m.end_start, m.end_stop,
						  m.end_quoted, m.end_doubled, i, err);
				if (st != ZF_OK)
					return st;
				break;
			case EV_QUOTE_IN_PLAIN:
				return bad_at(err, i, "quote character inside an unquoted value");
			case EV_DATA_AFTER_QUOTE:
				return bad_at(err, i, "data after the closing quote of a quoted value");
		}
	}

	/* the last field */
	if (m.shifted)
		return bad_at(err, m.so_pos, "shift-out X'0E' without its shift-in X'0F'");
	switch (m.state)
	{
		case ST_START:
			st = emit(fields, max_fields, &n, len, len, false, false, len, err);
			break;
		case ST_LEAD:
		case ST_PLAIN:
			st = emit(fields, max_fields, &n, m.vstart, len, false, false, len, err);
			break;
		case ST_QUOTED:
			return bad_at(err, m.quote_pos, "quoted value is not terminated");
		default:
			st = emit(fields, max_fields, &n, m.vstart, m.vend, true, m.doubled, len, err);
			break;
	}
	if (st != ZF_OK)
		return st;

	/* a trailing delimiter: the empty field after it is not a field */
	if (opts->expected_fields > 0 && n == opts->expected_fields + 1 &&
		len > 0 && rec[len - 1] == opts->delimiter &&
		fields[n - 1].length == 0 && !fields[n - 1].quoted)
		n--;
	*nfields = n;
	return ZF_OK;
}

/* Collapse doubled quotes of a quoted value into dst. */
uint32_t
zf_delim_unquote(const zf_delim_opts *opts, const uint8_t *src, uint32_t n,
				 uint8_t *dst)
{
	uint32_t	j = 0;
	bool		shifted = false;

	for (uint32_t i = 0; i < n; i++)
	{
		uint8_t		b = src[i];

		dst[j++] = b;
		if (shifted)
			shifted = b != ZF_SI;
		else if (opts->shift_codes && b == ZF_SO)
			shifted = true;
		else if (opts->quote >= 0 && b == (uint8_t) opts->quote && i + 1 < n &&
				 src[i + 1] == b)
			i++;				/* the second of a doubled pair */
	}
	return j;
}

/* Start a scan at the beginning of a record. */
void
zf_delim_scan_init(zf_delim_scan *scan)
{
	memset(scan, 0, sizeof(*scan));
}

/*
 * Feed bytes to the scan; true when everything fed so far ends inside an
 * open quoted value (a line terminator there belongs to the value).
 */
bool
zf_delim_scan_feed(const zf_delim_opts *opts, zf_delim_scan *scan,
				   const uint8_t *p, size_t n)
{
	delim_machine m;

	if (scan->state == SCAN_BROKEN)
		return false;
	memset(&m, 0, sizeof(m));
	m.state = (delim_state) scan->state;
	m.shifted = scan->shifted != 0;
	for (size_t i = 0; i < n; i++)
	{
		delim_event ev = step(&m, opts->cls, p[i], 0);

		if (ev == EV_QUOTE_IN_PLAIN || ev == EV_DATA_AFTER_QUOTE)
		{
			scan->state = SCAN_BROKEN;	/* the splitter will say why */
			return false;
		}
	}
	scan->state = (uint8_t) m.state;
	scan->shifted = m.shifted;
	return m.state == ST_QUOTED && !m.shifted;
}

/* See delimited.h. */
size_t
zf_delim_line_end(uint8_t terminator, uint64_t gap, uint8_t out[2])
{
	size_t		n = 0;

	if (gap >= 2)
		out[n++] = ZF_CR;
	out[n++] = terminator;
	return n;
}
