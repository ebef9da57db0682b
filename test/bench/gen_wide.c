/*-------------------------------------------------------------------------
 *
 * gen_wide.c
 *	  Benchmark data shaped like Cobrix's wide test file: 1,341-byte
 *	  records of 167 mixed fields (text, zoned, packed, binary, numeric
 *	  dates) in cp037.  Uses zfdw's encoders (allowed for benchmark data).
 *
 *	  gen_wide --copybook           print the copybook (WIDE.cpy)
 *	  gen_wide N out.dat            write N records
 *
 * The fields cycle through six kinds: X(12), 9(7), S9(9)V99 COMP-3,
 * S9(9) COMP, S9(5)V99 with trailing sign, and a 9(8) YYYYMMDD date;
 * 167 fields take 1,224 bytes and a FILLER pads the record to 1,341.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/codepage.h"
#include "decode/decimal.h"

#define NFIELDS 167
#define RECLEN 1341

static const char *const pictures[6] = {
	"X(12)", "9(7)", "S9(9)V99 COMP-3", "S9(9) COMP", "S9(5)V99", "9(8)"
};
static const int sizes[6] = {12, 7, 6, 4, 7, 8};

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
next_random(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static void
print_copybook(void)
{
	int			used = 0;

	printf("      * WIDE: a 1,341-byte record of 167 mixed fields (benchmark).\n");
	printf("       01  WIDE-REC.\n");
	for (int i = 0; i < NFIELDS; i++)
	{
		printf("           05  F%03d-%s PIC %s.\n", i + 1,
			   (const char *[]) {"TXT", "NUM", "PKD", "BIN", "SGN", "DAT"}[i % 6],
			   pictures[i % 6]);
		used += sizes[i % 6];
	}
	printf("           05  FILLER PIC X(%d).\n", RECLEN - used);
}

int
main(int argc, char **argv)
{
	FILE	   *out;
	long		n;
	zf_error	err;
	const zf_codepage *cp;
	uint8_t		rec[RECLEN];

	if (argc == 2 && strcmp(argv[1], "--copybook") == 0)
	{
		print_copybook();
		return 0;
	}
	if (argc != 3)
	{
		fprintf(stderr, "usage: gen_wide --copybook | gen_wide N out.dat\n");
		return 2;
	}
	n = atol(argv[1]);
	cp = zf_codepage_lookup("cp037", &err);
	out = fopen(argv[2], "wb");
	if (cp == NULL || out == NULL)
		return 1;
	for (long r = 0; r < n; r++)
	{
		int			pos = 0;

		memset(rec, 0x40, RECLEN);
		for (int i = 0; i < NFIELDS; i++)
		{
			uint8_t    *p = rec + pos;
			zf_int128	v;
			size_t		len;

			switch (i % 6)
			{
				case 0:
					{
						char		text[13];

						for (int k = 0; k < 12; k++)
							text[k] = (char) ('A' + next_random() % 26);
						text[12 - next_random() % 4] = '\0';
						zf_codepage_encode(cp, text, strlen(text), p, 12, &len, &err);
						break;
					}
				case 1:
					v = (zf_int128) (next_random() % 10000000);
					zf_zoned_encode(v, 7, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, p, &err);
					break;
				case 2:
					v = (zf_int128) (next_random() % 100000000000ULL) - 50000000000LL;
					zf_packed_encode(v, 11, true, p, &err);
					break;
				case 3:
					v = (zf_int128) (next_random() % 2000000000ULL) - 1000000000;
					zf_binary_encode(v, 4, true, p, &err);
					break;
				case 4:
					v = (zf_int128) (next_random() % 10000000) - 5000000;
					zf_zoned_encode(v, 7, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, p, &err);
					break;
				case 5:
					v = (zf_int128) (19700101 + (next_random() % 55) * 10000 +
									 (next_random() % 12) * 100 + next_random() % 28);
					zf_zoned_encode(v, 8, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, p, &err);
					break;
			}
			pos += sizes[i % 6];
		}
		fwrite(rec, 1, RECLEN, out);
	}
	fclose(out);
	return 0;
}
