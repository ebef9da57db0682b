/*-------------------------------------------------------------------------
 *
 * inspect.h
 *	  Guess what a mainframe file looks like from its first bytes.
 *
 * This is the analysis behind zfdw.inspect_file(filename): given the first
 * bytes of a file (ZF_INSPECT_SAMPLE_SIZE is enough) and its size, it
 * tries record descriptor chains (RDW in four conventions, BDW blocks),
 * fixed record lengths that divide the size, EBCDIC against ASCII byte
 * statistics, line ends, and signs that an EBCDIC binary file went through
 * an ASCII-mode transfer, and suggests table options.
 *
 * The result is a plain struct without pointers to free: machine-readable
 * fields plus findings, short lower-case sentences grouped by topic, which
 * the SQL function returns as rows (topic, finding), and the suggested
 * options as (name, value) pairs.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_INSPECT_H
#define ZF_INSPECT_H

#include "base/status.h"

#define ZF_INSPECT_SAMPLE_SIZE		(1024 * 1024)
#define ZF_INSPECT_MAX_FIXED		8
#define ZF_INSPECT_MAX_FINDINGS		32
#define ZF_INSPECT_MAX_OPTIONS		8
#define ZF_INSPECT_TEXT_LEN			240

/*
 * One descriptor chain walked from the start of the sample.  valid means
 * every descriptor met parsed and the chain either ended exactly at the end
 * of the file or ran on past the end of the sample, with at least two
 * records (or the whole file).
 */
typedef struct zf_inspect_chain
{
	bool		valid;
	bool		reaches_end;	/* ended exactly at the end of the file */
	bool		spanned;		/* segment codes 1-3 seen (vbs) */
	uint64_t	records;		/* records (segments) walked */
	uint64_t	blocks;			/* BDW chains: blocks walked */
	bool		records_valid;	/* BDW chains: the blocks hold RDW records */
	uint32_t	min_length;		/* data bytes per record, descriptors excluded */
	uint32_t	max_length;
	uint64_t	bytes;			/* bytes covered by whole records/blocks */
	int64_t		break_offset;	/* where it broke, -1 if it did not */
	uint8_t		break_bytes[4]; /* the four bytes found there */
} zf_inspect_chain;

/* A fixed record length that divides the data size. */
typedef struct zf_inspect_fixed
{
	uint32_t	lrecl;
	uint64_t	records;
	double		score;			/* how much records look alike; higher is better */
} zf_inspect_fixed;

typedef struct zf_inspect_finding
{
	char		topic[16];		/* rdw, bdw, fixed, charset, lines, ftp, layout, suggestion */
	char		text[ZF_INSPECT_TEXT_LEN];
} zf_inspect_finding;

typedef struct zf_inspect_option
{
	char		name[32];		/* a table option: recfm, lrecl, codepage, ... */
	char		value[32];
} zf_inspect_option;

typedef struct zf_inspect_result
{
	int64_t		file_size;		/* as given; -1 unknown */
	size_t		sample_len;
	bool		whole_file;		/* the sample is the whole file */

	/* RDW chains: z/OS (big-endian, length counts the RDW) and variants */
	zf_inspect_chain rdw_be;
	zf_inspect_chain rdw_le;
	zf_inspect_chain rdw_be_excl;
	zf_inspect_chain rdw_le_excl;
	/* BDW chains: z/OS blocks, and little-endian blocks whose length
	 * excludes the BDW (Cobrix style) */
	zf_inspect_chain bdw_be;
	zf_inspect_chain bdw_le_excl;
	bool		bdw_le_excl_rdw_big;	/* its RDWs are big-endian (else little) */

	/* fixed lengths dividing the size, best first */
	int			n_fixed;
	zf_inspect_fixed fixed[ZF_INSPECT_MAX_FIXED];

	/* byte statistics over the sample */
	double		ebcdic_ratio;	/* X'40', X'F0'-X'F9', EBCDIC letters */
	double		ascii_ratio;	/* X'20', X'30'-X'39', ASCII letters */
	double		printable_ratio;	/* printable ASCII, tab, CR, LF */
	const char *charset;		/* "ebcdic", "ascii", "utf8", "latin1",
								 * "binary", "empty" */
	uint64_t	lf;				/* X'0A' not preceded by CR */
	uint64_t	crlf;			/* X'0D0A' */
	uint64_t	cr;				/* X'0D' not followed by LF */
	uint64_t	nl15;			/* EBCDIC NL X'15' */
	uint64_t	lf25;			/* EBCDIC LF X'25' */
	uint32_t	line_length;	/* every line has this length, 0 if not */
	uint64_t	sub_bytes;		/* X'1A', a converter's substitute */
	uint64_t	replacement_chars;	/* UTF-8 U+FFFD (EF BF BD) */
	bool		ftp_damage;		/* signs of an ASCII-mode transfer */

	/* the suggestion */
	char		recfm[8];		/* "fb", "vb", ... or "" */
	uint32_t	lrecl;			/* fb: the suggested length */
	char		codepage[16];

	int			n_options;
	zf_inspect_option options[ZF_INSPECT_MAX_OPTIONS];
	int			n_findings;
	zf_inspect_finding findings[ZF_INSPECT_MAX_FINDINGS];
} zf_inspect_result;

/*
 * Analyse the first n bytes of a file of file_size bytes (-1 if unknown).
 * claimed_codepage is the code page the user intends (NULL if none): it
 * lets the analysis spot an EBCDIC file that was turned into ASCII.
 * layout_length is the record length of the copybook or punch, 0 if none.
 */
extern zf_status zf_inspect_sample(const uint8_t *sample, size_t n,
								   int64_t file_size,
								   const char *claimed_codepage,
								   uint32_t layout_length,
								   zf_inspect_result *res, zf_error *err);

#endif							/* ZF_INSPECT_H */
