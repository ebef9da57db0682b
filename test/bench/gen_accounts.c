/*-------------------------------------------------------------------------
 *
 * gen_accounts.c
 *	  Benchmark data: N account records of 80 bytes in EBCDIC cp037, sorted
 *	  by account number (a KSDS export), and the same values as CSV for
 *	  file_fdw and COPY.  Uses zfdw's own encoders, which is allowed for
 *	  benchmark data (never for a test's expected values).
 *
 *	  gen_accounts N out.dat out.csv
 *
 * Layout (ACCT80.cpy beside this file):
 *	 ACCT-ID PIC 9(10), NAME X(30), BRANCH 9(4), BALANCE S9(13)V99 COMP-3,
 *	 LIMIT S9(9)V99 COMP-3, OPEN-DATE 9(8), STATUS X, FILLER X(13).
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/codepage.h"
#include "decode/decimal.h"

#define RECLEN 80

/* xorshift64*: deterministic, fast */
static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
next_random(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static const char *const first_names[] = {
	"James", "Mary", "José", "Søren", "Anna", "Chloé", "Wei", "Fatima",
	"Olivia", "Liam", "Noah", "Emma", "Jürgen", "Zoë", "Mateo", "Aiko"
};
static const char *const last_names[] = {
	"Smith", "García", "Müller", "Nuñez", "Brown", "Dubois", "Rossi", "Kowalski",
	"Johnson", "Hernández", "Nakamura", "O'Brien", "Larsen", "Silva", "Chen", "Novak"
};

/* Encode UTF-8 text into cp037, blank-padded to n bytes. */
static void
put_text(const zf_codepage *cp, uint8_t *dst, size_t n, const char *s)
{
	size_t		len;
	zf_error	err;

	if (zf_codepage_encode(cp, s, strlen(s), dst, n, &len, &err) != ZF_OK)
	{
		fprintf(stderr, "encode: %s\n", err.message);
		exit(1);
	}
	memset(dst + len, 0x40, n - len);
}

/* Write digits of v as unsigned zoned decimal (F zones). */
static void
put_zoned(uint8_t *dst, int digits, uint64_t v)
{
	for (int i = digits - 1; i >= 0; i--)
	{
		dst[i] = 0xF0 | (uint8_t) (v % 10);
		v /= 10;
	}
}

int
main(int argc, char **argv)
{
	long		n;
	FILE	   *dat,
			   *csv;
	const zf_codepage *cp;
	zf_error	err;
	uint8_t		rec[RECLEN];
	uint64_t	id = 4000000000ULL;

	if (argc != 4)
	{
		fprintf(stderr, "usage: gen_accounts N out.dat out.csv\n");
		return 2;
	}
	n = atol(argv[1]);
	cp = zf_codepage_lookup("cp037", &err);
	dat = fopen(argv[2], "wb");
	csv = fopen(argv[3], "w");
	if (!cp || !dat || !csv)
	{
		fprintf(stderr, "cannot open outputs\n");
		return 1;
	}
	for (long i = 0; i < n; i++)
	{
		char		name[64];
		int			branch = 100 + (int) (next_random() % 400);
		int64_t		balance = (int64_t) (next_random() % 200000000) - 10000000;	/* cents */
		int64_t		limit = (int64_t) (next_random() % 1000000);
		int			year = 1990 + (int) (next_random() % 35);
		int			month = 1 + (int) (next_random() % 12);
		int			day = 1 + (int) (next_random() % 28);
		char		status = "AADC"[next_random() % 4];

		id += 1 + next_random() % 7;
		snprintf(name, sizeof(name), "%s %s",
				 first_names[next_random() % 16], last_names[next_random() % 16]);
		put_zoned(rec, 10, id);
		put_text(cp, rec + 10, 30, name);
		put_zoned(rec + 40, 4, (uint64_t) branch);
		if (zf_packed_encode(balance, 15, true, rec + 44, &err) != ZF_OK ||
			zf_packed_encode(limit, 11, true, rec + 52, &err) != ZF_OK)
		{
			fprintf(stderr, "pack: %s\n", err.message);
			return 1;
		}
		put_zoned(rec + 58, 8, (uint64_t) (year * 10000 + month * 100 + day));
		put_text(cp, rec + 66, 1, (char[]) {status, 0});
		memset(rec + 67, 0x40, 13);
		fwrite(rec, 1, RECLEN, dat);
		fprintf(csv, "%llu,\"%s\",%d,%s%lld.%02lld,%lld.%02lld,%04d-%02d-%02d,%c\n",
				(unsigned long long) id, name, branch,
				balance < 0 ? "-" : "", (long long) (llabs(balance) / 100),
				(long long) (llabs(balance) % 100),
				(long long) (limit / 100), (long long) (limit % 100),
				year, month, day, status);
	}
	fclose(dat);
	fclose(csv);
	return 0;
}
