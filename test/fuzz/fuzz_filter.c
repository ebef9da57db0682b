/*-------------------------------------------------------------------------
 *
 * fuzz_filter.c
 *	  libFuzzer target for the pushed-down filter (filter/record_filter.c):
 *	  on any record and constant, its answer must be the one the general
 *	  field reader gives, or "unsure" where that reader fails.
 *
 * fuzz-max-len: 96
 *
 * Input: a byte choosing the field's kind (packed, zoned, binary, text),
 * a byte of flags (signed, trim, null_if spaces, the operator), the
 * field's length and scale, the constant's length and bytes (a decimal
 * for numbers, UTF-8 for text), then the record (the field at offset 0).
 *
 * Checked: a number field that zf_field_read_number decodes gives the
 * comparison of that value with the constant (floor and exactness at the
 * field's scale, compared here case by case rather than as the filter's
 * interval), and one it cannot decode gives ZF_TV_UNSURE; a text field
 * gives the comparison of zf_field_read_text's UTF-8 with the constant
 * bytes (UTF-8 byte order is code-point order), or ZF_TV_UNSURE only when
 * that reader fails or the text holds a NUL; a field NULL by null_if
 * gives NULL; a record shorter than the field is unsure.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "filter/record_filter.h"

/* The comparison of the general reader's value with the constant. */
static int
oracle_number(zf_int128 v, const zf_filter_const *k)
{
	if (v < k->floor)
		return -1;
	if (v > k->floor)
		return 1;
	return k->exact ? 0 : -1;
}

/* Does cmp satisfy op?  Written out, not shared with the filter. */
static bool
holds(zf_cmp_op op, int cmp)
{
	return (op == ZF_CMP_EQ && cmp == 0) || (op == ZF_CMP_NE && cmp != 0) ||
		(op == ZF_CMP_LT && cmp < 0) || (op == ZF_CMP_LE && cmp <= 0) ||
		(op == ZF_CMP_GT && cmp > 0) || (op == ZF_CMP_GE && cmp >= 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	static const zf_kind kinds[] = {ZF_KIND_PACKED, ZF_KIND_ZONED, ZF_KIND_BINARY, ZF_KIND_ALNUM};
	zf_kind		kind = kinds[fuzz_u8(&in) % 4];
	uint8_t		flags = fuzz_u8(&in);
	uint32_t	flen = 1 + fuzz_u8(&in) % 16;
	int			scale = fuzz_u8(&in) % 8;
	size_t		klen = fuzz_u8(&in) % 24,
				got;
	const uint8_t *kbytes = fuzz_bytes(&in, klen, &got);
	zf_error	err;
	const zf_codepage *cp = zf_codepage_lookup("cp037", &err);
	zf_field	f;
	zf_field_reader r;
	zf_filter_operand op;
	zf_filter_cell cell;
	zf_filter_node node;
	zf_filter_node root;
	zf_filter_node *args[1] = {&node};
	zf_filter_const k;
	uint32_t	chars[24];
	zf_filter	flt;
	zf_tv		tv;
	const uint8_t *rec = in.p;
	uint32_t	reclen = (uint32_t) in.n;
	char		kstr[32];
	int			isnull = 0;

	FUZZ_CHECK(cp != NULL, "no cp037");
	klen = got;
	memset(&f, 0, sizeof(f));
	f.name = "F";
	f.kind = kind;
	f.length = flen;
	f.is_signed = (flags & 1) != 0;
	f.sign = kind == ZF_KIND_ZONED && f.is_signed ? ZF_SIGN_TRAILING : ZF_SIGN_NONE;
	f.scale = kind == ZF_KIND_ALNUM ? 0 : scale;
	if (kind == ZF_KIND_PACKED && flen > 9)
		return 0;				/* 128-bit packed is fuzz_decimal's */
	f.digits = kind == ZF_KIND_PACKED ? 2 * flen - 1 : kind == ZF_KIND_ZONED ? flen : 2 * flen;
	if (kind == ZF_KIND_BINARY && flen > 8)
		f.length = flen = 8;
	zf_field_reader_init(&r, &f, cp);
	r.trim = (zf_trim) ((flags >> 1) % 3);
	if (flags & 8)
		r.null_if = ZF_NULLIF_SPACES;

	memset(&k, 0, sizeof(k));
	memset(&node, 0, sizeof(node));
	memset(&root, 0, sizeof(root));
	memset(&flt, 0, sizeof(flt));
	if (kind == ZF_KIND_ALNUM)
	{
		int64_t		n;

		if (!zf_filter_operand_text(&op, &r, zf_field_sbcs_text(&r)))
			return 0;
		n = zf_filter_text_chars((const char *) kbytes, klen, chars);
		if (n < 0)
			return 0;			/* PostgreSQL's text is valid UTF-8 */
		k.chars = chars;
		k.nchars = (uint32_t) n;
	}
	else
	{
		zf_int128	max = (zf_int128) ((((unsigned __int128) 1) << 127) - 1);

		memcpy(kstr, kbytes, klen);
		kstr[klen] = '\0';
		if (!zf_filter_number_const(kstr, scale, &k))
			return 0;			/* not as numeric_out writes */
		zf_filter_operand_number(&op, &r, -max, max);
	}
	node.kind = ZF_FILTER_CMP;
	node.op = (zf_cmp_op) ((flags >> 4) % 6);
	node.scalar = true;
	node.nconsts = 1;
	node.consts = &k;
	root.kind = ZF_FILTER_AND;
	root.args = args;
	root.nargs = 1;
	flt.noperands = 1;
	flt.operands = &op;
	flt.cells = &cell;
	flt.root = &root;
	zf_filter_finish(&flt);
	zf_filter_prepare(&flt);
	tv = zf_filter_eval(&flt, rec, reclen);

	if (reclen < flen)
	{
		FUZZ_CHECK(tv == ZF_TV_UNSURE, "a short record is not unsure");
		return 0;
	}
	if (zf_field_may_be_null(&r))
	{
		zf_error_clear(&err);
		isnull = zf_field_is_null(&r, rec, reclen, 0, flen, &err);
		if (isnull == 1)
		{
			FUZZ_CHECK(tv == ZF_TV_NULL, "a NULL field gives %d", (int) tv);
			return 0;
		}
	}
	if (kind == ZF_KIND_ALNUM)
	{
		char		buf[16 * 4 + 16];
		const char *out;
		size_t		outlen;
		int			cmp;

		zf_error_clear(&err);
		if (zf_field_read_text(&r, rec, flen, buf, sizeof(buf), &out, &outlen, &err) != ZF_OK)
		{
			FUZZ_CHECK(tv == ZF_TV_UNSURE, "undecodable text gives %d", (int) tv);
			return 0;
		}
		if (tv == ZF_TV_UNSURE)
		{
			FUZZ_CHECK(memchr(out, '\0', outlen) != NULL, "decodable text is unsure");
			return 0;
		}
		cmp = memcmp(out, kbytes, outlen < klen ? outlen : klen);
		if (cmp == 0)
			cmp = outlen == klen ? 0 : outlen < klen ? -1 : 1;
		FUZZ_CHECK(tv == (holds(node.op, cmp) ? ZF_TV_TRUE : ZF_TV_FALSE),
				   "text comparison %d gives %d", cmp, (int) tv);
	}
	else
	{
		zf_int128	v;

		if (zf_field_read_number(&r, rec, flen, &v, NULL) != ZF_OK)
		{
			FUZZ_CHECK(tv == ZF_TV_UNSURE, "an undecodable number gives %d", (int) tv);
			return 0;
		}
		FUZZ_CHECK(tv == (holds(node.op, oracle_number(v, &k)) ? ZF_TV_TRUE : ZF_TV_FALSE),
				   "number comparison gives %d", (int) tv);
	}
	return 0;
}
