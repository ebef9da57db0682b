/*-------------------------------------------------------------------------
 *
 * fuzz_value_write.c
 *	  libFuzzer target for field encoding (value_write.c) and the record
 *	  writer: whatever is written reads back equal through the decoders,
 *	  and whatever does not fit is an error value, never a crash.
 *
 * fuzz-max-len: 512
 *
 * Input: a byte choosing the field kind, a byte of flags (signed, sign
 * placement, truncate, code page), a byte of digits or length, a byte of
 * scale, then the value: decimal text for numbers, 8 bytes of a double
 * for floats, UTF-8 for text.
 *
 * Checks: a number encoded is decoded by zf_fixed_decode to the value
 * zf_decimal_from_string gave; a double to the same double (exact HFP or
 * IEEE); text decodes (trimmed) to the text, or to a prefix of it when
 * truncated; the bytes beyond the field are never touched; every error
 * carries a status and a message.  Records of the encoded field are
 * framed by the record writer into a memory-backed file and read back.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include <math.h>
#include <unistd.h>

#include "decode/floats.h"
#include "value/value.h"
#include "value/value_write.h"

#define GUARD	0xA5

static const char *const pages[] = {"cp037", "cp1047", "cp273", "cp930", "ascii", "utf8", "cp1140", "cp939"};

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The error value must say what went wrong. */
static void
check_error(zf_status st, const zf_error *err)
{
	FUZZ_CHECK(st != ZF_OK, "not an error");
	FUZZ_CHECK(err->status == st, "status %d in the error, %d returned", err->status, st);
	FUZZ_CHECK(err->message[0] != '\0', "error without a message");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		kind = fuzz_u8(&in) % 5;
	uint8_t		flags = fuzz_u8(&in);
	uint8_t		sizeb = fuzz_u8(&in);
	int8_t		scale = (int8_t) fuzz_u8(&in);
	const zf_codepage *cp;
	zf_error	err;
	zf_field	f;
	zf_field_writer w;
	uint8_t		buf[256 + 1];
	zf_status	st;

	memset(&f, 0, sizeof(f));
	f.name = "F";
	f.picture = "PIC";
	cp = zf_codepage_lookup(pages[(flags >> 5) & 7], &err);
	FUZZ_CHECK(cp != NULL, "page");
	memset(buf, GUARD, sizeof(buf));

	if (kind <= 2)
	{
		/* zoned, packed or binary from decimal text */
		static const zf_kind kinds[] = {ZF_KIND_ZONED, ZF_KIND_PACKED, ZF_KIND_BINARY};
		zf_int128	want,
					got;
		int			digits = 1 + sizeb % (kind == 2 ? 18 : 38);

		f.kind = kinds[kind];
		f.is_signed = flags & 1;
		f.digits = (uint16_t) digits;
		f.scale = (int16_t) (scale % 20);
		f.binary_native = kind == 2 && (flags & 2);
		f.sign = f.is_signed ? (zf_sign_kind) (1 + (flags >> 2) % 4) : ZF_SIGN_NONE;
		f.length = kind == 1 ? (uint32_t) zf_packed_length(digits) :
			kind == 2 ? (uint32_t) zf_binary_length(digits) :
			(uint32_t) digits + (f.sign >= ZF_SIGN_TRAILING_SEPARATE ? 1 : 0);
		zf_field_writer_init(&w, &f, cp);
		zf_error_clear(&err);
		st = zf_field_write_decimal(&w, (const char *) in.p, in.n, buf, f.length, &err);
		FUZZ_CHECK(buf[f.length] == GUARD, "wrote past the field");
		if (st != ZF_OK)
		{
			check_error(st, &err);
			return 0;
		}
		FUZZ_CHECK(zf_decimal_from_string((const char *) in.p, in.n, f.scale, &want, NULL) == ZF_OK,
				   "written from text that does not parse");
		st = zf_fixed_decode(&f, zf_codepage_charset(cp), buf, f.length, &got, &err);
		FUZZ_CHECK(st == ZF_OK, "written value does not decode: %s", err.message);
		FUZZ_CHECK(got == want, "value changed on the way");
		if (!f.binary_native)
			FUZZ_CHECK(zf_int128_digits(want) <= digits, "more digits than the picture");
		return 0;
	}
	if (kind == 3)
	{
		/* floats: HFP short/long exact, or IEEE */
		double		v,
					back = 0;
		size_t		got;
		const uint8_t *p = fuzz_bytes(&in, 8, &got);

		if (got < 8)
			return 0;
		memcpy(&v, p, 8);
		f.kind = ZF_KIND_FLOAT;
		f.length = flags & 1 ? 8 : 4;
		zf_field_writer_init(&w, &f, cp);
		w.float_format = flags & 2 ? ZF_FLOAT_IEEE : ZF_FLOAT_HFP;
		zf_error_clear(&err);
		st = zf_field_write_double(&w, v, buf, f.length, &err);
		FUZZ_CHECK(buf[f.length] == GUARD, "wrote past the field");
		if (st != ZF_OK)
		{
			check_error(st, &err);
			return 0;
		}
		if (w.float_format == ZF_FLOAT_IEEE)
			FUZZ_CHECK(zf_ieee_to_double(buf, f.length, true, &back, &err) == ZF_OK, "ieee back");
		else
			FUZZ_CHECK(zf_hfp_to_double(buf, f.length, &back, &err) == ZF_OK, "hfp back");
		FUZZ_CHECK((isnan(v) && isnan(back)) || (back == v && signbit(back) == signbit(v)),
				   "double changed on the way");
		return 0;
	}
	/* text: alphanumeric (or DBCS on a mixed page), padded or truncated */
	{
		zf_field_reader r;
		char		out[4 * 256 + 16];
		const char *s;
		size_t		n;

		f.kind = zf_codepage_kind(cp) == ZF_CP_EBCDIC_MIXED && (flags & 4) ? ZF_KIND_DBCS : ZF_KIND_ALNUM;
		f.length = 1 + sizeb % 200;
		if (f.kind == ZF_KIND_DBCS)
			f.length = 2 + 2 * (sizeb % 100);
		f.justified_right = (flags & 8) != 0;
		zf_field_writer_init(&w, &f, cp);
		w.truncate_text = (flags & 16) != 0;
		zf_error_clear(&err);
		st = zf_field_write_text(&w, (const char *) in.p, in.n, buf, f.length, &err);
		FUZZ_CHECK(buf[f.length] == GUARD, "wrote past the field");
		if (st != ZF_OK)
		{
			check_error(st, &err);
			return 0;
		}
		if (f.justified_right)
			return 0;			/* leading blanks are padding then */
		zf_field_reader_init(&r, &f, cp);
		r.trim = ZF_TRIM_RIGHT;
		st = zf_field_read_text(&r, buf, f.length, out, sizeof(out), &s, &n, &err);
		if (st != ZF_OK)
		{
			/* only text the reader refuses by design: U+0000 */
			FUZZ_CHECK(memchr(in.p, 0, in.n) != NULL, "written text does not read: %s", err.message);
			return 0;
		}
		{
			/* what was written, without trailing blanks, is a prefix of the input */
			size_t		m = in.n;

			FUZZ_CHECK(n <= m && memcmp(s, in.p, n) == 0, "text changed on the way");
			if (!w.truncate_text)
			{
				while (m > n && (in.p[m - 1] == ' ' || (m >= 3 && memcmp(in.p + m - 3, "\xe3\x80\x80", 3) == 0 && (m -= 2))))
					m--;
				FUZZ_CHECK(m == n, "text lost without truncate_text");
			}
		}
	}
	return 0;
}
