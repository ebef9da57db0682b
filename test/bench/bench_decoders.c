/*-------------------------------------------------------------------------
 *
 * bench_decoders.c
 *	  Core-level micro-benchmark of the field decoders: values per second
 *	  for packed (5 and 10 bytes to binary, 8 bytes to base-10000 digit
 *	  groups), zoned (9 digits), binary (4 and 8 bytes) and HFP long
 *	  decoding.
 *
 * The data are random values written by our own encoders (allowed for
 * benchmark data, never for test expectations), laid out back to back as
 * in a record buffer.  Each decoder runs over the whole array several
 * times without an error struct, as the scan's hot path does, and the
 * fastest pass (in thread CPU time: the machine may be shared) is
 * reported; a checksum keeps
 * the compiler from dropping the work.  This is not a test: it
 * prints figures and asserts nothing about speed.
 *
 *	test/bench/bench_decoders.sh	build with cc -O2 and run
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/codepage.h"
#include "decode/decimal.h"
#include "decode/floats.h"

#define NVALUES		(1 << 20)
#define ROUNDS		20

/* xorshift64*: reproducible pseudo-random numbers without libc state. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* A random signed value of at most "digits" digits. */
static int64_t
random_value(int digits)
{
	int64_t		limit = 1;
	int64_t		v;

	for (int i = 0; i < digits; i++)
		limit *= 10;
	v = (int64_t) (rng() % (uint64_t) limit);
	return (rng() & 1) ? -v : v;
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Print one result line; seconds is the fastest pass over NVALUES. */
static void
report(const char *name, double seconds, int64_t checksum)
{
	double		values = (double) NVALUES;

	printf("%-28s %8.1f M values/s  %6.2f ns/value  (checksum %lld)\n",
		   name, values / seconds / 1e6, seconds / values * 1e9,
		   (long long) checksum);
}

/* Encode NVALUES random values of a decimal kind into one buffer. */
typedef enum kind
{
	K_PACKED,
	K_ZONED,
	K_BINARY
} kind;

static uint8_t *
make_data(kind k, int digits, size_t width)
{
	uint8_t    *buf = malloc((size_t) NVALUES * width);

	if (buf == NULL)
	{
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	for (size_t i = 0; i < NVALUES; i++)
	{
		int64_t		v = random_value(digits);
		zf_status	st;

		if (k == K_PACKED)
			st = zf_packed_encode(v, digits, true, buf + i * width, NULL);
		else if (k == K_ZONED)
			st = zf_zoned_encode(v, digits, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC,
								 buf + i * width, NULL);
		else
			st = zf_binary_encode(v, width, true, buf + i * width, NULL);
		if (st != ZF_OK)
		{
			fprintf(stderr, "encoding failed\n");
			exit(1);
		}
	}
	return buf;
}

static void
bench_packed(const char *name, int digits)
{
	size_t		width = zf_packed_length(digits);
	uint8_t    *buf = make_data(K_PACKED, digits, width);
	int64_t		sum = 0;
	double		best = 1e30;

	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			int64_t		v;

			if (zf_packed_decode64(buf + i * width, width, true, &v, NULL) != ZF_OK)
				abort();
			sum += v;
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, sum);
	free(buf);
}

/*
 * Packed to base-10000 digit groups (the scan's path to numeric), shifted
 * by 2 digits as a V99 field read with its own scale is.
 */
static void
bench_packed_groups(const char *name, int digits)
{
	size_t		width = zf_packed_length(digits);
	uint8_t    *buf = make_data(K_PACKED, digits, width);
	int64_t		sum = 0;
	double		best = 1e30;

	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			zf_packed_groups g;

			if (!zf_packed_to_groups(buf + i * width, width, true, i > 0, 2, &g))
				abort();
			sum += g.group[0] + g.group[3];
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, sum);
	free(buf);
}

static void
bench_zoned(const char *name, int digits)
{
	size_t		width = (size_t) digits;
	uint8_t    *buf = make_data(K_ZONED, digits, width);
	int64_t		sum = 0;
	double		best = 1e30;

	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			int64_t		v;

			if (zf_zoned_decode64(buf + i * width, width, ZF_SIGN_TRAILING,
								  ZF_CHARSET_EBCDIC, &v, NULL) != ZF_OK)
				abort();
			sum += v;
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, sum);
	free(buf);
}

static void
bench_binary(const char *name, size_t width)
{
	uint8_t    *buf = make_data(K_BINARY, width == 4 ? 9 : 18, width);
	int64_t		sum = 0;
	double		best = 1e30;

	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			int64_t		v;

			if (zf_binary_decode64(buf + i * width, width, true, true, &v, NULL) != ZF_OK)
				abort();
			sum += v;
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, sum);
	free(buf);
}

static void
bench_hfp_long(const char *name)
{
	uint8_t    *buf = malloc((size_t) NVALUES * 8);
	double		sum = 0;
	double		best = 1e30;

	if (buf == NULL)
		exit(1);
	for (size_t i = 0; i < NVALUES; i++)
	{
		double		v = (double) random_value(15) / 1000.0;

		if (zf_double_to_hfp(v, 8, buf + i * 8, NULL) != ZF_OK)
			exit(1);
	}
	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			double		v;

			if (zf_hfp_to_double(buf + i * 8, 8, &v, NULL) != ZF_OK)
				abort();
			sum += v;
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, (int64_t) sum);
	free(buf);
}

/*
 * EBCDIC text: NVALUES fields of 30 bytes in cp037 (letters, digits,
 * trailing blanks) decoded to UTF-8 through zf_codepage_decode.
 */
static void
bench_text_cp037(const char *name)
{
	const size_t width = 30;
	uint8_t    *buf = malloc((size_t) NVALUES * width);
	char		out[128];
	zf_error	err;
	const zf_codepage *cp = zf_codepage_lookup("cp037", &err);
	int64_t		sum = 0;
	double		best = 1e30;

	if (buf == NULL || cp == NULL)
		exit(1);
	for (size_t i = 0; i < NVALUES; i++)
	{
		char		text[31];
		size_t		n = 10 + rng() % 20,
					len;

		for (size_t k = 0; k < n; k++)
			text[k] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "[rng() % 37];
		if (zf_codepage_encode(cp, text, n, buf + i * width, width, &len, NULL) != ZF_OK)
			exit(1);
		memset(buf + i * width + len, 0x40, width - len);
	}
	for (int r = 0; r < ROUNDS; r++)
	{
		double		t0 = now_seconds();

		for (size_t i = 0; i < NVALUES; i++)
		{
			size_t		n;

			if (zf_codepage_decode(cp, buf + i * width, width, out, sizeof(out), &n, NULL) != ZF_OK)
				abort();
			sum += (int64_t) n + out[0];
		}
		if (now_seconds() - t0 < best)
			best = now_seconds() - t0;
	}
	report(name, best, sum);
	printf("%-28s %8.1f MB/s\n", "  (text throughput)", (double) NVALUES * width / best / 1e6);
	free(buf);
}

int
main(void)
{
	printf("zfdw core decoders: %d values, fastest of %d passes\n", NVALUES, ROUNDS);
	bench_packed("packed 5 bytes (9 digits)", 9);
	bench_packed("packed 10 bytes (18 digits)", 18);
	bench_packed_groups("packed 8 bytes to groups", 15);
	bench_zoned("zoned 9 digits (EBCDIC)", 9);
	bench_binary("binary 4 bytes (BE)", 4);
	bench_binary("binary 8 bytes (BE)", 8);
	bench_hfp_long("HFP long to double");
	bench_text_cp037("EBCDIC text 30 bytes (cp037)");
	return 0;
}
