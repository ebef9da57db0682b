/*-------------------------------------------------------------------------
 *
 * fuzz_delimited.c
 *	  libFuzzer target for the delimited-record splitter (delimited.c):
 *	  options from characters of a page or from raw bytes, splitting,
 *	  unquoting and the line-joining scan.
 *
 * fuzz-requires: src/core/records/delimited.c
 *
 * fuzz-max-len: 2048
 *
 * Input: four option bytes, then the record.
 *
 * The splitter is checked against a reference written here from the
 * grammar in delimited.h (a recursive-descent reading of one field at a
 * time, where the splitter runs a byte-at-a-time state machine): the same
 * fields, or the same error at the same offset.  Fields lie inside the
 * record in order; unquoting removes exactly the doubled quotes and never
 * writes more than the value's length; the scan says "open" exactly when
 * the record ends inside an unterminated quoted value, whether the bytes
 * are fed at once or in pieces.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "text/codepage.h"
#include "records/delimited.h"

#define MAX_FIELDS	64

static const char *const pages[] = {"cp037", "ascii", "cp930", "utf8", "cp1047", "latin1"};
static const char *const delims[] = {",", ";", "|", "\t", "X'6B'", "X'05'", " ", "\"",
"ab", "", "X'0E'", "\xC3\xA9", "X'4F'", "X'zz'", "~", ":"};
static const char *const quotes[] = {"\"", "'", "", NULL, "X'7F'", "X'7D'", ",", "X'0F'"};

/* The reference: fields, or an error status and offset. */
typedef struct ref_result
{
	zf_status	st;
	uint32_t	at;				/* error offset */
	int			unterminated;	/* the error is an open quoted value */
	uint32_t	n;
	zf_delim_field f[MAX_FIELDS];
} ref_result;

static zf_delim_class
cls_of(const zf_delim_opts *o, uint8_t b)
{
	return (zf_delim_class) o->cls[b];
}

/* Index of the SI closing an SO at k, or len. */
static uint32_t
find_si(const uint8_t *r, uint32_t len, uint32_t k)
{
	for (uint32_t m = k + 1; m < len; m++)
		if (r[m] == 0x0F)
			return m;
	return len;
}

/* Add a field; false (ZF_E_LIMIT) when max is reached. */
static bool
ref_emit(ref_result *res, uint32_t max, uint32_t start, uint32_t stop, bool quoted,
		 bool doubled, uint32_t at)
{
	if (res->n >= max)
	{
		res->st = ZF_E_LIMIT;
		res->at = at;
		return false;
	}
	res->f[res->n].offset = start;
	res->f[res->n].length = stop - start;
	res->f[res->n].quoted = quoted;
	res->f[res->n].doubled = doubled;
	res->n++;
	return true;
}

static ref_result
ref_split(const zf_delim_opts *o, const uint8_t *r, uint32_t len, uint32_t max)
{
	ref_result	res;
	uint32_t	i = 0;

	memset(&res, 0, sizeof(res));
	res.st = ZF_OK;
	for (;;)
	{
		uint32_t	j = i;
		uint32_t	k;

		while (j < len && cls_of(o, r[j]) == ZF_DC_SPACE)
			j++;
		if (j < len && cls_of(o, r[j]) == ZF_DC_QUOTE)
		{
			uint32_t	vstart = j + 1;
			uint32_t	vend;
			bool		doubled = false;

			k = vstart;
			for (;;)
			{
				if (k >= len)
				{
					res.st = ZF_E_BAD_DATA;
					res.at = j;
					res.unterminated = 1;
					return res;
				}
				if (o->shift_codes && r[k] == 0x0E)
				{
					uint32_t	si = find_si(r, len, k);

					if (si >= len)
					{
						res.st = ZF_E_BAD_DATA;
						res.at = k;
						return res;
					}
					k = si + 1;
					continue;
				}
				if (cls_of(o, r[k]) == ZF_DC_QUOTE)
				{
					if (k + 1 < len && cls_of(o, r[k + 1]) == ZF_DC_QUOTE)
					{
						doubled = true;
						k += 2;
						continue;
					}
					break;
				}
				k++;
			}
			vend = k++;
			while (k < len && cls_of(o, r[k]) == ZF_DC_SPACE)
				k++;
			if (k == len)
			{
				if (!ref_emit(&res, max, vstart, vend, true, doubled, len))
					return res;
				break;
			}
			if (cls_of(o, r[k]) != ZF_DC_DELIM)
			{
				res.st = ZF_E_BAD_DATA;
				res.at = k;
				return res;
			}
			if (!ref_emit(&res, max, vstart, vend, true, doubled, k))
				return res;
			i = k + 1;
			continue;
		}
		/* unquoted: up to the next delimiter outside SO..SI */
		k = i;
		while (k < len)
		{
			zf_delim_class c = cls_of(o, r[k]);

			if (o->shift_codes && r[k] == 0x0E)
			{
				uint32_t	si = find_si(r, len, k);

				if (si >= len)
				{
					res.st = ZF_E_BAD_DATA;
					res.at = k;
					return res;
				}
				k = si + 1;
				continue;
			}
			if (c == ZF_DC_DELIM)
				break;
			if (c == ZF_DC_QUOTE)
			{
				res.st = ZF_E_BAD_DATA;
				res.at = k;
				return res;
			}
			k++;
		}
		if (!ref_emit(&res, max, i, k, false, false, k))
			return res;
		if (k == len)
			break;
		i = k + 1;
	}
	if (o->expected_fields > 0 && res.n == o->expected_fields + 1 && len > 0 &&
		r[len - 1] == o->delimiter && res.f[res.n - 1].length == 0 &&
		!res.f[res.n - 1].quoted)
		res.n--;
	return res;
}

/* The option table agrees with the bytes it was made from. */
static void
check_opts(const zf_delim_opts *o)
{
	FUZZ_CHECK(o->cls[o->delimiter] == ZF_DC_DELIM, "delimiter X'%02X' not classed",
			   o->delimiter);
	FUZZ_CHECK(o->quote < 0 || (o->quote <= 255 && o->cls[o->quote] == ZF_DC_QUOTE),
			   "quote not classed");
	FUZZ_CHECK(o->quote != o->delimiter, "quote equals the delimiter");
	for (int b = 0; b < 256; b++)
	{
		zf_delim_class c = (zf_delim_class) o->cls[b];

		FUZZ_CHECK(c <= ZF_DC_SI, "class %d", c);
		if (c == ZF_DC_DELIM)
			FUZZ_CHECK(b == o->delimiter, "X'%02X' classed as delimiter", b);
		if (c == ZF_DC_QUOTE)
			FUZZ_CHECK(b == o->quote, "X'%02X' classed as quote", b);
		if (c == ZF_DC_SO || c == ZF_DC_SI)
			FUZZ_CHECK(o->shift_codes && b == (c == ZF_DC_SO ? 0x0E : 0x0F),
					   "X'%02X' classed as a shift code", b);
	}
	if (o->shift_codes)
		FUZZ_CHECK(o->delimiter != 0x0E && o->delimiter != 0x0F &&
				   o->quote != 0x0E && o->quote != 0x0F,
				   "a shift code as delimiter or quote in a mixed page");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		how = fuzz_u8(&in);
	uint8_t		dsel = fuzz_u8(&in);
	uint8_t		qsel = fuzz_u8(&in);
	uint8_t		more = fuzz_u8(&in);
	uint8_t    *rec = fuzz_dup(in.p, in.n);
	uint32_t	len = (uint32_t) in.n;
	uint32_t	max = 1 + more % MAX_FIELDS;
	zf_delim_opts o;
	zf_delim_field fields[MAX_FIELDS + 1];
	uint32_t	nfields = 0;
	ref_result	ref;
	zf_error	err;
	zf_status	st;

	zf_error_clear(&err);
	if (how & 0x80)
	{
		/* raw bytes, as a punch's COLDEL and CHARDEL give them */
		st = zf_delim_opts_bytes(&o, dsel, (how & 0x40) ? -1 : qsel,
								 (how & 0x20) ? 0x40 : 0x20, how & 0x10, &err);
	}
	else
	{
		const zf_codepage *cp = zf_codepage_lookup(pages[how % 6], NULL);

		if (cp == NULL)
		{
			free(rec);
			return 0;
		}
		st = zf_delim_opts_init(&o, cp, delims[dsel % 16], quotes[qsel % 8], &err);
	}
	fuzz_check_error(st, &err, "delim options");
	if (st != ZF_OK)
	{
		FUZZ_CHECK(st == ZF_E_ARG, "options refused with %s", zf_status_name(st));
		free(rec);
		return 0;
	}
	check_opts(&o);
	o.expected_fields = (more & 0xC0) ? (more >> 6) + (more & 0x0F) : 0;

	zf_error_clear(&err);
	memset(fields, 0xA5, sizeof(fields));
	st = zf_delim_split(&o, rec, len, fields, max, &nfields, &err);
	fuzz_check_error(st, &err, "delim_split");
	ref = ref_split(&o, rec, len, max);
	FUZZ_CHECK(st == ref.st, "split %s, reference %s (%s)", zf_status_name(st),
			   zf_status_name(ref.st), err.message);
	if (st != ZF_OK)
		FUZZ_CHECK(err.offset == (int64_t) ref.at, "error at %lld, reference at %u",
				   (long long) err.offset, ref.at);
	else
	{
		FUZZ_CHECK(nfields == ref.n, "%u fields, reference %u", nfields, ref.n);
		FUZZ_CHECK(nfields >= 1 && nfields <= max, "%u fields of at most %u", nfields, max);
		for (uint32_t k = 0; k < nfields; k++)
		{
			const zf_delim_field *f = &fields[k];

			FUZZ_CHECK(f->offset == ref.f[k].offset && f->length == ref.f[k].length &&
					   f->quoted == ref.f[k].quoted && f->doubled == ref.f[k].doubled,
					   "field %u: %u+%u q%d d%d, reference %u+%u q%d d%d", k,
					   f->offset, f->length, f->quoted, f->doubled, ref.f[k].offset,
					   ref.f[k].length, ref.f[k].quoted, ref.f[k].doubled);
			FUZZ_CHECK((uint64_t) f->offset + f->length <= len, "field outside the record");
			FUZZ_CHECK(k == 0 || f->offset >= fields[k - 1].offset + fields[k - 1].length,
					   "fields overlap");
			if (f->quoted)
			{
				uint8_t    *dst = malloc(f->length ? f->length : 1);
				uint32_t	got = zf_delim_unquote(&o, rec + f->offset, f->length, dst);
				uint32_t	pairs = 0;

				FUZZ_CHECK(got <= f->length, "unquote wrote %u of %u", got, f->length);
				for (uint32_t b = 0; b < f->length; b++)
					if (o.quote >= 0 && rec[f->offset + b] == (uint8_t) o.quote)
						pairs++;
				/* outside SO..SI every quote in a value is doubled */
				if (!o.shift_codes)
					FUZZ_CHECK(got == f->length - pairs / 2 &&
							   (pairs > 0) == f->doubled,
							   "unquote gave %u bytes from %u with %u quotes", got,
							   f->length, pairs);
				free(dst);
			}
		}
	}

	/* the scan: open exactly at an unterminated quoted value */
	{
		zf_delim_scan whole,
					pieces;
		bool		open_whole,
					open_pieces;
		size_t		cut = len ? (size_t) (more % (len + 1)) : 0;

		zf_delim_scan_init(&whole);
		open_whole = zf_delim_scan_feed(&o, &whole, rec, len);
		zf_delim_scan_init(&pieces);
		(void) zf_delim_scan_feed(&o, &pieces, rec, cut);
		open_pieces = zf_delim_scan_feed(&o, &pieces, rec + cut, len - cut);
		FUZZ_CHECK(open_whole == open_pieces, "scan differs when fed in two pieces at %zu",
				   cut);
		if (ref.st != ZF_E_LIMIT)
			FUZZ_CHECK(open_whole == (ref.unterminated != 0),
					   "scan says %s, the splitter %s", open_whole ? "open" : "not open",
					   ref.st == ZF_OK ? "splits" : err.message);
	}
	free(rec);
	return 0;
}
