/*-------------------------------------------------------------------------
 *
 * fuzz_value.c
 *	  libFuzzer target for the field reader (value/): the fast entries the
 *	  scan takes for fields at a static offset must agree with the general
 *	  ones, which say what is wrong when they cannot decode.
 *
 * fuzz-max-len: 128
 *
 * Input: a byte choosing the field's kind, a byte of flags, the field's
 * offset and length, a byte with the digit-group shift and the null
 * indicator's place, then the record.
 *
 * Checked: fixed-point fields through the general entry and, when they
 * fit int64, the fast one (same status, same value); packed fields as
 * digit groups (decodable exactly when the general entry decodes them,
 * and then the value shifted); text through the general entry (valid
 * UTF-8 within the room zf_field_text_bound gave, trimmed as asked) and,
 * for single-byte text, the fast one (the same bytes, or a failure of
 * both); NULL tests (an indicator outside the record, and only then, is
 * an error).  Every error follows the core's rules.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "value/value.h"

static const zf_kind kinds[] = {
	ZF_KIND_PACKED, ZF_KIND_ZONED, ZF_KIND_BINARY, ZF_KIND_ALNUM,
	ZF_KIND_VARCHAR, ZF_KIND_VARGRAPHIC, ZF_KIND_DBCS, ZF_KIND_NATIONAL
};

/* The code page of a field: EBCDIC or ASCII, a mixed page for DBCS. */
static const zf_codepage *
page_for(zf_kind kind, bool ascii)
{
	static const zf_codepage *pages[3];
	int			i = kind == ZF_KIND_DBCS || kind == ZF_KIND_VARGRAPHIC ? 2 : ascii ? 1 : 0;
	static const char *const names[] = {"cp037", "latin1", "cp939"};
	zf_error	err;

	if (pages[i] == NULL)
		pages[i] = zf_codepage_lookup(names[i], &err);
	FUZZ_CHECK(pages[i] != NULL, "no code page %s", names[i]);
	return pages[i];
}

/* The number in digit groups, least significant first. */
static zf_int128
groups_value(const zf_packed_groups *g)
{
	zf_int128	v = 0;

	for (int i = 7; i >= 0; i--)
		v = v * 10000 + g->group[i];
	return g->negative ? -v : v;
}

/* Fixed-point fields: general and fast entries agree. */
static void
check_number(const zf_field_reader *r, const uint8_t *rec, uint32_t reclen,
			 int shift)
{
	const zf_field *f = r->f;
	const uint8_t *p = rec + f->offset;
	zf_int128	v = 0,
				v2 = 0;
	int64_t		v64;
	zf_error	err;
	zf_status	st,
				st2;

	zf_error_clear(&err);
	st = zf_field_read_number(r, p, f->length, &v, &err);
	fuzz_check_error(st, &err, "zf_field_read_number");
	st2 = zf_field_read_number(r, p, f->length, &v2, NULL);
	FUZZ_CHECK(st2 == st && (st != ZF_OK || v2 == v), "a NULL error changes the result");
	if (zf_field_fits_int64(r))
	{
		zf_status	fst = zf_field_fast_int64(r, rec, &v64);

		FUZZ_CHECK(fst == st, "fast int64 says %s, general %s",
				   zf_status_name(fst), zf_status_name(st));
		FUZZ_CHECK(st != ZF_OK || (zf_int128) v64 == v, "fast int64 value differs");
	}
	if (zf_field_groups_ok(r, shift))
	{
		zf_packed_groups g;
		bool		ok = zf_field_fast_groups(r, rec, shift, &g);
		zf_int128	scaled = v;

		FUZZ_CHECK(ok == (st == ZF_OK), "digit groups %s where the general entry says %s",
				   ok ? "decode" : "fail", zf_status_name(st));
		for (int i = 0; i < shift; i++)
			scaled *= 10;
		FUZZ_CHECK(!ok || groups_value(&g) == scaled, "digit groups give another value");
	}
}

/* Text: valid, within bounds, trimmed; the fast path agrees. */
static void
check_text(const zf_field_reader *r, const uint8_t *rec)
{
	const zf_field *f = r->f;
	const uint8_t *p = rec + f->offset;
	size_t		cap = zf_field_text_bound(r, f->length);
	char	   *dst = malloc(cap);
	const char *out = NULL;
	size_t		n = 0;
	zf_error	err;
	zf_status	st;
	const zf_sbcs_table *tab;

	FUZZ_CHECK(dst != NULL, "out of memory");
	zf_error_clear(&err);
	st = zf_field_read_text(r, p, f->length, dst, cap, &out, &n, &err);
	fuzz_check_error(st, &err, "zf_field_read_text");
	if (st == ZF_OK)
	{
		FUZZ_CHECK(out >= dst && out + n <= dst + cap, "text outside its buffer");
		FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) out, n), "text is not UTF-8");
		if (f->length_prefix == 0 && r->trim != ZF_TRIM_NONE)
			FUZZ_CHECK(n == 0 || out[n - 1] != ' ', "trailing blank left");
		if (f->length_prefix == 0 && r->trim == ZF_TRIM_BOTH)
			FUZZ_CHECK(n == 0 || out[0] != ' ', "leading blank left");
	}
	else
		FUZZ_CHECK(err.offset < (int64_t) f->length, "error offset %lld beyond the field",
				   (long long) err.offset);
	tab = zf_field_sbcs_text(r);
	if (tab != NULL)
	{
		char	   *fast = malloc((size_t) f->length * 3 + 1);
		int64_t		fn;

		FUZZ_CHECK(fast != NULL, "out of memory");
		{
			const uint8_t *bytes;
			uint32_t	nb;

			zf_field_fast_sbcs_bytes(r, rec, &bytes, &nb);
			fn = zf_sbcs_fast_decode(tab, bytes, nb, fast);
		}
		FUZZ_CHECK((fn >= 0) == (st == ZF_OK), "fast text %s where the general entry says %s",
				   fn >= 0 ? "decodes" : "fails", zf_status_name(st));
		FUZZ_CHECK(fn < 0 || ((size_t) fn == n && memcmp(fast, out, n) == 0),
				   "fast text differs");
		free(fast);
	}
	free(dst);
}

/* NULL tests: an error exactly when the indicator is outside the record. */
static void
check_null(const zf_field_reader *r, const uint8_t *rec, uint32_t reclen)
{
	const zf_field *f = r->f;
	int64_t		pos = (int64_t) f->offset + f->null_ind_rel;
	zf_error	err;
	int			res;

	zf_error_clear(&err);
	res = zf_field_is_null(r, rec, reclen, f->offset, f->length, &err);
	FUZZ_CHECK(res >= -1 && res <= 1, "zf_field_is_null gave %d", res);
	FUZZ_CHECK((res == -1) == (f->has_null_ind && (pos < 0 || pos >= reclen)),
			   "null indicator at %lld of %u: %d", (long long) pos, reclen, res);
	if (res == -1)
		fuzz_check_error(ZF_E_BAD_DATA, &err, "zf_field_is_null");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	zf_kind		kind = kinds[fuzz_u8(&in) % (sizeof(kinds) / sizeof(kinds[0]))];
	uint8_t		flags = fuzz_u8(&in);
	uint32_t	offset = fuzz_u8(&in) % 16;
	uint32_t	length = 1 + fuzz_u8(&in) % 40;
	uint8_t		extra = fuzz_u8(&in);
	size_t		reclen;
	const uint8_t *rec = fuzz_bytes(&in, in.n, &reclen);
	zf_field	f;
	zf_field_reader r;

	if (offset + length > reclen)
		return 0;
	memset(&f, 0, sizeof(f));
	f.name = "F";
	f.kind = kind;
	f.offset = offset;
	f.length = length;
	f.is_signed = (flags & 0x01) != 0;
	if (kind == ZF_KIND_ZONED)
		f.sign = f.is_signed ? (zf_sign_kind) (1 + (flags >> 5) % 4) : ZF_SIGN_NONE;
	if (kind == ZF_KIND_VARCHAR || kind == ZF_KIND_VARGRAPHIC)
		f.length_prefix = (flags & 0x80) ? 4 : 2;
	if (extra & 0x80)
	{
		f.has_null_ind = true;
		f.null_ind_value = 0xFF;
		f.null_ind_any = (flags & 0x40) != 0;
		f.null_ind_rel = (int32_t) ((extra >> 5) & 0x03) - 2;	/* -2..1 */
		if (extra & 0x10)
			f.null_ind_rel += 48;	/* beyond any record of this target */
	}
	zf_field_reader_init(&r, &f, page_for(kind, (flags & 0x10) != 0));
	r.trim = (zf_trim) ((flags >> 1) % 3);
	r.trim_low_values = (flags & 0x08) != 0;
	r.null_if = (zf_null_if) ((extra >> 1) % 5);	/* not a byte pattern */

	if (kind == ZF_KIND_PACKED || kind == ZF_KIND_ZONED || kind == ZF_KIND_BINARY)
		check_number(&r, rec, (uint32_t) reclen, extra % 32);
	else
		check_text(&r, rec);
	check_null(&r, rec, (uint32_t) reclen);
	return 0;
}
