/*-------------------------------------------------------------------------
 *
 * fuzz_codepage.c
 *	  libFuzzer target for codepage.c: decoding and encoding in every page
 *	  zfdw knows (single-byte EBCDIC, mixed SBCS/DBCS EBCDIC through iconv,
 *	  ascii, latin1, utf8), pure DBCS, UTF-16BE, and page lookup by name.
 *
 * fuzz-max-len: 512
 *
 * Input: a byte choosing the page, a byte choosing the operation, a byte
 * that shrinks the output buffer, then the text.
 *
 * Invariants: with the buffer size that zf_codepage_utf8_bound (or
 * _encode_bound) promises, no call fails for want of room; output is
 * valid UTF-8 without U+0000 and never longer than the buffer (which is
 * allocated at its exact size, so ASan sees any write past it); a smaller
 * buffer gives the same text or a clean error; single-byte decoding agrees
 * with the page's published table; decode(encode(text)) == text; DBCS data
 * decodes as it does between SO and SI; UTF-16 agrees with a reference
 * decoder written here.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "text/codepage.h"

static const char *const *names;
static int	npages;

/* Decode with the chosen function into an exact-size buffer. */
static zf_status
decode_op(int op, const zf_codepage *cp, const uint8_t *src, size_t n,
		  size_t cap, uint8_t **out, size_t *outlen, zf_error *err)
{
	char	   *dst = malloc(cap ? cap : 1);
	zf_status	st;

	*outlen = (size_t) -1;
	zf_error_clear(err);
	if (op == 0)
		st = zf_codepage_decode(cp, src, n, dst, cap, outlen, err);
	else if (op == 1)
		st = zf_codepage_decode_dbcs(cp, src, n, dst, cap, outlen, err);
	else
		st = zf_utf16be_decode(src, n, dst, cap, outlen, err);
	fuzz_check_error(st, err, "codepage decode");
	if (st == ZF_OK)
	{
		FUZZ_CHECK(*outlen <= cap, "decoded %zu bytes into %zu", *outlen, cap);
		FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) dst, *outlen),
				   "decoded text is not valid UTF-8 (page %s, op %d)",
				   cp ? zf_codepage_name(cp) : "utf16", op);
		FUZZ_CHECK(memchr(dst, 0, *outlen) == NULL, "decoded text holds U+0000");
	}
	*out = (uint8_t *) dst;
	return st;
}

/* Reference UTF-16BE decoder; returns false on an odd length, NUL or a
 * lone surrogate. */
static bool
ref_utf16(const uint8_t *s, size_t n, uint8_t *out, size_t *outlen)
{
	size_t		pos = 0;

	if (n % 2)
		return false;
	for (size_t i = 0; i < n; i += 2)
	{
		uint32_t	u = (uint32_t) s[i] << 8 | s[i + 1];

		if (u == 0)
			return false;
		if (u >= 0xDC00 && u <= 0xDFFF)
			return false;
		if (u >= 0xD800 && u <= 0xDBFF)
		{
			uint32_t	lo;

			if (i + 3 >= n)
				return false;
			lo = (uint32_t) s[i + 2] << 8 | s[i + 3];
			if (lo < 0xDC00 || lo > 0xDFFF)
				return false;
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		}
		if (u < 0x80)
			out[pos++] = (uint8_t) u;
		else if (u < 0x800)
		{
			out[pos++] = (uint8_t) (0xC0 | u >> 6);
			out[pos++] = (uint8_t) (0x80 | (u & 0x3F));
		}
		else if (u < 0x10000)
		{
			out[pos++] = (uint8_t) (0xE0 | u >> 12);
			out[pos++] = (uint8_t) (0x80 | ((u >> 6) & 0x3F));
			out[pos++] = (uint8_t) (0x80 | (u & 0x3F));
		}
		else
		{
			out[pos++] = (uint8_t) (0xF0 | u >> 18);
			out[pos++] = (uint8_t) (0x80 | ((u >> 12) & 0x3F));
			out[pos++] = (uint8_t) (0x80 | ((u >> 6) & 0x3F));
			out[pos++] = (uint8_t) (0x80 | (u & 0x3F));
		}
	}
	*outlen = pos;
	return true;
}

/* Encode text into an exact-size buffer of the promised bound. */
static zf_status
encode(const zf_codepage *cp, const uint8_t *text, size_t n, size_t cap,
	   uint8_t **out, size_t *outlen, zf_error *err)
{
	uint8_t    *dst = malloc(cap ? cap : 1);
	zf_status	st;

	zf_error_clear(err);
	*outlen = (size_t) -1;
	st = zf_codepage_encode(cp, (const char *) text, n, dst, cap, outlen, err);
	fuzz_check_error(st, err, "codepage encode");
	if (st == ZF_OK)
		FUZZ_CHECK(*outlen <= cap, "encoded %zu bytes into %zu", *outlen, cap);
	*out = dst;
	return st;
}

/* Decode bytes, then check them every way this target knows. */
static void
fuzz_decode(int op, const zf_codepage *cp, const uint8_t *src, size_t n,
			uint8_t shrink)
{
	size_t		bound;
	uint8_t    *out,
			   *out2;
	size_t		outlen,
				outlen2;
	zf_error	err,
				err0;
	zf_status	st,
				st2;

	if (op == 2)
		bound = n * 2;			/* a UTF-16 unit gives at most 3 bytes; a pair 4 */
	else
		bound = zf_codepage_utf8_bound(cp, n);
	st = decode_op(op, cp, src, n, bound, &out, &outlen, &err0);
	err = err0;
	FUZZ_CHECK(st != ZF_E_ARG || (op == 1 && zf_codepage_kind(cp) != ZF_CP_EBCDIC_MIXED),
			   "decode into the promised %zu bytes failed: %s", bound, err.message);
	if (st == ZF_E_BAD_DATA || st == ZF_E_CODEPAGE)
		FUZZ_CHECK(err.offset >= 0 && (size_t) err.offset <= n,
				   "decode error offset %lld outside the %zu bytes",
				   (long long) err.offset, n);

	/* UTF-16: at most 3 bytes per unit, 4 per surrogate pair */
	if (op == 2 && st == ZF_OK)
		FUZZ_CHECK(outlen <= n / 2 * 3, "%zu bytes of UTF-16 gave %zu bytes", n, outlen);

	/* a smaller buffer: the same text, or the "too small" error */
	if (shrink)
	{
		size_t		cap = bound > shrink ? bound - shrink : 0;

		st2 = decode_op(op, cp, src, n, cap, &out2, &outlen2, &err);
		if (st == ZF_OK && outlen <= cap)
			FUZZ_CHECK(st2 == ZF_OK && outlen2 == outlen &&
					   memcmp(out, out2, outlen) == 0,
					   "decode into %zu bytes differs from %zu", cap, bound);
		else if (st == ZF_OK)
			FUZZ_CHECK(st2 == ZF_E_ARG, "decode of %zu bytes into %zu: %s",
					   outlen, cap, zf_status_name(st2));
		else
			FUZZ_CHECK(st2 == st || st2 == ZF_E_ARG,
					   "decode with a smaller buffer: %s, before %s",
					   zf_status_name(st2), zf_status_name(st));
		free(out2);
	}

	/* the same through the published table of a single-byte page */
	if (op == 0 && zf_codepage_sbcs(cp) != NULL)
	{
		const zf_sbcs_table *t = zf_codepage_sbcs(cp);
		size_t		pos = 0;
		size_t		i;

		for (i = 0; i < n && t->utf8_len[src[i]] != 0; i++)
		{
			FUZZ_CHECK(st != ZF_OK || memcmp(out + pos, t->utf8[src[i]],
											 t->utf8_len[src[i]]) == 0,
					   "decode and table differ at %zu", i);
			pos += t->utf8_len[src[i]];
		}
		FUZZ_CHECK((st == ZF_OK) == (i == n), "decode %s, table stops at %zu of %zu",
				   zf_status_name(st), i, n);
		if (st != ZF_OK)
			FUZZ_CHECK((size_t) err0.offset == i, "decode error at %lld, table at %zu",
					   (long long) err0.offset, i);
		else
			FUZZ_CHECK(pos == outlen, "decode length and table differ");
	}

	/* pure DBCS is what mixed data holds between SO and SI */
	if (op == 1 && zf_codepage_kind(cp) == ZF_CP_EBCDIC_MIXED && n % 2 == 0 &&
		memchr(src, 0x0E, n) == NULL && memchr(src, 0x0F, n) == NULL)
	{
		uint8_t    *wrapped = malloc(n + 2);
		uint8_t    *mixed;
		size_t		mixedlen;

		wrapped[0] = 0x0E;
		memcpy(wrapped + 1, src, n);
		wrapped[n + 1] = 0x0F;
		st2 = decode_op(0, cp, wrapped, n + 2, zf_codepage_utf8_bound(cp, n + 2),
						&mixed, &mixedlen, &err);
		FUZZ_CHECK(st2 == st, "dbcs %s, as mixed %s", zf_status_name(st),
				   zf_status_name(st2));
		if (st == ZF_OK)
			FUZZ_CHECK(mixedlen == outlen && memcmp(mixed, out, outlen) == 0,
					   "dbcs and mixed decoding differ");
		free(mixed);
		free(wrapped);
	}

	if (op == 2)
	{
		uint8_t    *ref = malloc(n * 2 + 1);
		size_t		reflen = 0;
		bool		ok = ref_utf16(src, n, ref, &reflen);

		FUZZ_CHECK(ok == (st == ZF_OK), "utf16 %s, reference %d",
				   zf_status_name(st), ok);
		if (ok)
			FUZZ_CHECK(reflen == outlen && memcmp(ref, out, outlen) == 0,
					   "utf16 differs from the reference");
		free(ref);
	}

	/* text round trip: decode(encode(text)) == text */
	if (st == ZF_OK && op != 2)
	{
		uint8_t    *enc,
				   *dec;
		size_t		enclen,
					declen;

		st2 = encode(cp, out, outlen, zf_codepage_encode_bound(cp, outlen), &enc,
					 &enclen, &err);
		/*
		 * Known glibc asymmetry: IBM930/939/1371 decode a byte to '~' or
		 * '\\' but encode those characters as the bytes of OVERLINE and
		 * YEN SIGN; zf_codepage_encode refuses them rather than write the
		 * wrong byte.
		 */
		if (st2 == ZF_E_CODEPAGE && zf_codepage_kind(cp) == ZF_CP_EBCDIC_MIXED &&
			err.offset >= 0 && (size_t) err.offset < outlen &&
			(out[err.offset] == '~' || out[err.offset] == '\\'))
		{
			free(enc);
			free(out);
			return;
		}
		FUZZ_CHECK(st2 == ZF_OK, "page %s cannot encode what it decoded: %s",
				   zf_codepage_name(cp), err.message);
		st2 = decode_op(0, cp, enc, enclen, zf_codepage_utf8_bound(cp, enclen),
						&dec, &declen, &err);
		FUZZ_CHECK(st2 == ZF_OK, "page %s cannot decode what it encoded: %s",
				   zf_codepage_name(cp), err.message);
		FUZZ_CHECK(declen == outlen && memcmp(dec, out, outlen) == 0,
				   "page %s: decode(encode(text)) != text", zf_codepage_name(cp));
		free(dec);
		free(enc);
	}
	free(out);
}

/* Encode arbitrary bytes as UTF-8 text. */
static void
fuzz_encode(const zf_codepage *cp, const uint8_t *text, size_t n, uint8_t shrink)
{
	size_t		bound = zf_codepage_encode_bound(cp, n);
	uint8_t    *enc,
			   *dec;
	size_t		enclen,
				declen;
	zf_error	err;
	zf_status	st,
				st2;

	st = encode(cp, text, n, bound, &enc, &enclen, &err);
	FUZZ_CHECK(st != ZF_E_ARG, "encode into the promised %zu bytes failed: %s",
			   bound, err.message);
	if (st != ZF_OK && memchr(text, 0, n) == NULL &&
		(st == ZF_E_BAD_DATA || zf_codepage_kind(cp) == ZF_CP_UTF8))
		FUZZ_CHECK(!fuzz_valid_utf8(text, n), "valid UTF-8 refused as invalid: %s",
				   err.message);
	if (st == ZF_OK)
		FUZZ_CHECK(fuzz_valid_utf8(text, n), "invalid UTF-8 encoded");
	if (shrink && bound > 0)
	{
		uint8_t    *enc2;
		size_t		enclen2;
		size_t		cap = bound > shrink ? bound - shrink : 0;

		st2 = encode(cp, text, n, cap, &enc2, &enclen2, &err);
		if (st == ZF_OK && enclen <= cap)
			FUZZ_CHECK(st2 == ZF_OK && enclen2 == enclen &&
					   memcmp(enc, enc2, enclen) == 0,
					   "encode into %zu bytes differs", cap);
		else if (st == ZF_OK)
			FUZZ_CHECK(st2 == ZF_E_ARG, "encode of %zu bytes into %zu: %s",
					   enclen, cap, zf_status_name(st2));
		free(enc2);
	}
	if (st == ZF_OK && memchr(text, 0, n) == NULL)
	{
		st2 = decode_op(0, cp, enc, enclen, zf_codepage_utf8_bound(cp, enclen),
						&dec, &declen, &err);
		FUZZ_CHECK(st2 == ZF_OK, "page %s cannot decode what it encoded: %s",
				   zf_codepage_name(cp), err.message);
		FUZZ_CHECK(declen == n && memcmp(dec, text, n) == 0,
				   "page %s: decode(encode(text)) != text", zf_codepage_name(cp));
		free(dec);
	}
	free(enc);
}

/* Look a fuzzed name up: a hit is one of the known pages. */
static void
fuzz_lookup(const uint8_t *p, size_t n)
{
	char	   *name = fuzz_strdup(p, n > 48 ? 48 : n);
	zf_error	err;
	const zf_codepage *cp;

	zf_error_clear(&err);
	cp = zf_codepage_lookup(name, &err);
	if (cp == NULL)
		fuzz_check_error(err.status, &err, "codepage_lookup");
	else
	{
		bool		known = false;

		for (int i = 0; i < npages; i++)
			if (strcmp(names[i], zf_codepage_name(cp)) == 0)
				known = true;
		FUZZ_CHECK(known, "lookup of \"%s\" gave unknown page %s", name,
				   zf_codepage_name(cp));
		FUZZ_CHECK(zf_codepage_lookup(zf_codepage_name(cp), NULL) == cp,
				   "canonical name does not find the same page");
	}
	free(name);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		page = fuzz_u8(&in);
	uint8_t		op = fuzz_u8(&in);
	uint8_t		shrink = fuzz_u8(&in);
	const zf_codepage *cp;
	uint8_t    *src;

	if (names == NULL)
	{
		names = zf_codepage_known_names();
		while (names[npages] != NULL)
			npages++;
	}
	src = fuzz_dup(in.p, in.n);
	if (op % 5 == 4)
		fuzz_lookup(src, in.n);
	else if (op % 5 == 2)
		fuzz_decode(2, NULL, src, in.n, shrink);
	else if ((cp = zf_codepage_lookup(names[page % npages], NULL)) != NULL)
	{
		if (op % 5 == 3)
			fuzz_encode(cp, src, in.n, shrink);
		else
			fuzz_decode(op % 5, cp, src, in.n, shrink);
	}
	free(src);
	return 0;
}
