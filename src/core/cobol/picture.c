/*-------------------------------------------------------------------------
 *
 * picture.c
 *	  COBOL PICTURE strings: category, character positions, digits, scale.
 *
 * Categories as IBM Enterprise COBOL defines them:
 *	 alphabetic			 A (and B)
 *	 alphanumeric		 X, or A / 9 mixed with X
 *	 alphanumeric-edited A, X, 9 with B, 0 or /
 *	 numeric			 9 S V P
 *	 numeric-edited		 9 with Z * , . + - CR DB $ B 0 / (and V, P)
 *	 DBCS				 G (and B)
 *	 national			 N (and B)
 *
 * Sizes are character positions: every symbol counts one, CR and DB two,
 * S, V and P none (a separate sign is the caller's business).  Digits are
 * the digit positions: 9, and in edited pictures Z, * and the floating
 * insertion symbols after the first one of their string.  The scale is
 * the number of digit positions right of the decimal point (V or .), plus
 * P scaling: P positions left of the digits raise it, right of the digits
 * make it negative (999PPP is thousands).
 *
 * Floating-point edited pictures (E), UTF-8 (U) and boolean (1) pictures
 * are ZF_E_UNSUPPORTED; anything else that is not a valid picture is
 * ZF_E_SYNTAX.  The caller adds the position in the source.
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/copybook.h"

#include <ctype.h>
#include <string.h>

#define PIC_MAX_CHARS	50
#define PIC_MAX_SIZE	0x7FFFFFFFu

typedef struct pic_run
{
	char		sym;			/* upper case; 'C' is CR, 'D' is DB */
	uint64_t	count;
} pic_run;

/* Number of symbol s over all runs. */
static uint64_t
count_of(const pic_run *runs, int n, char s)
{
	uint64_t	t = 0;

	for (int i = 0; i < n; i++)
		if (runs[i].sym == s)
			t += runs[i].count;
	return t;
}

/* True if the picture has only symbols from the set. */
static bool
only_of(const pic_run *runs, int n, const char *set)
{
	for (int i = 0; i < n; i++)
		if (strchr(set, runs[i].sym) == NULL)
			return false;
	return true;
}

/* Split a picture string into runs of symbols with their repeat counts. */
static zf_status
split_runs(const char *pic, size_t len, pic_run *runs, int *nruns,
		   zf_error *err)
{
	size_t		i = 0;
	int			n = 0;

	while (i < len)
	{
		char		c = (char) toupper((unsigned char) pic[i]);
		uint64_t	count = 1;

		if (c == 'C' && i + 1 < len && toupper((unsigned char) pic[i + 1]) == 'R')
			i += 2;
		else if (c == 'D' && i + 1 < len && toupper((unsigned char) pic[i + 1]) == 'B')
			i += 2;
		else if (c == 'U' || c == '1')
			return zf_error_set(err, ZF_E_UNSUPPORTED,
								"PICTURE symbol '%c' is not supported", pic[i]);
		else if (c != '\0' && strchr("ABEGNPSVXZ90/,.+-*$", c) != NULL)
			i++;
		else
			return zf_error_set(err, ZF_E_SYNTAX,
								"invalid character '%c' in PICTURE string", pic[i]);

		if (i < len && pic[i] == '(')
		{
			uint64_t	v = 0;
			size_t		start = ++i;

			if (c == 'C' || c == 'D')
				return zf_error_set(err, ZF_E_SYNTAX, "CR and DB cannot be repeated in a PICTURE string");
			while (i < len && isdigit((unsigned char) pic[i]))
			{
				v = v * 10 + (uint64_t) (pic[i] - '0');
				if (v > PIC_MAX_SIZE)
					return zf_error_set(err, ZF_E_LIMIT, "repeat count in PICTURE string is too large");
				i++;
			}
			if (i == start || i >= len || pic[i] != ')')
				return zf_error_set(err, ZF_E_SYNTAX, "invalid repeat count in PICTURE string");
			if (v == 0)
				return zf_error_set(err, ZF_E_SYNTAX, "repeat count in PICTURE string is zero");
			i++;
			count = v;
		}
		if (n > 0 && runs[n - 1].sym == c && c != 'C' && c != 'D')
			runs[n - 1].count += count;
		else
		{
			runs[n].sym = c;
			runs[n].count = count;
			n++;
		}
	}
	*nruns = n;
	return ZF_OK;
}

/*
 * Scale of a numeric or edited picture.  point is the index of the run
 * holding the decimal point (V or .), or -1.  Digit-position runs are the
 * ones is_digit says so of.
 */
static int64_t
picture_scale(const pic_run *runs, int n, int point, const bool *is_digit)
{
	int			first_digit = -1;
	int			last_digit = -1;
	int64_t		after = 0;
	int64_t		p_right = 0;

	for (int i = 0; i < n; i++)
		if (is_digit[i])
		{
			if (first_digit < 0)
				first_digit = i;
			last_digit = i;
		}
	if (point < 0)
	{
		/* no point: P before the digits means the point is at the left */
		bool		p_left = false;

		for (int i = 0; i < n && i < first_digit; i++)
			if (runs[i].sym == 'P')
				p_left = true;
		point = p_left ? -1 : n;
	}
	for (int i = point + 1; i < n; i++)
		if (is_digit[i] || runs[i].sym == 'P')
			after += (int64_t) runs[i].count;
	for (int i = last_digit + 1; i < n && i < point; i++)
		if (runs[i].sym == 'P')
			p_right += (int64_t) runs[i].count;
	return after - p_right;
}

/* P must form one string at the left or the right end of the digits. */
static bool
p_placement_ok(const pic_run *runs, int n)
{
	int			first_p = -1;
	int			last_p = -1;
	int			nblocks = 0;

	for (int i = 0; i < n; i++)
		if (runs[i].sym == 'P')
		{
			if (first_p < 0 || runs[i - 1].sym != 'P')
				nblocks++;
			if (first_p < 0)
				first_p = i;
			last_p = i;
		}
	if (first_p < 0)
		return true;
	if (nblocks > 1)
		return false;
	/* left: only S and V before; right: only V after */
	if (only_of(runs, first_p, "SV"))
		return true;
	for (int i = last_p + 1; i < n; i++)
		if (runs[i].sym != 'V')
			return false;
	return true;
}

/* Numeric pictures: 9 S V P only. */
static zf_status
numeric_picture(const pic_run *runs, int n, zf_picture *out, zf_error *err)
{
	bool		is_digit[PIC_MAX_CHARS];
	int			point = -1;
	uint64_t	nines = count_of(runs, n, '9');
	int64_t		scale;

	if (count_of(runs, n, 'S') > 1 || (count_of(runs, n, 'S') == 1 && runs[0].sym != 'S'))
		return zf_error_set(err, ZF_E_SYNTAX, "S must appear once, at the left of a PICTURE string");
	if (count_of(runs, n, 'V') > 1)
		return zf_error_set(err, ZF_E_SYNTAX, "V appears more than once in a PICTURE string");
	if (!p_placement_ok(runs, n))
		return zf_error_set(err, ZF_E_SYNTAX, "P must be at the left or right end of a PICTURE string");
	if (nines == 0)
		return zf_error_set(err, ZF_E_SYNTAX, "numeric PICTURE string has no digit position");
	if (nines > ZF_MAX_DIGITS)
		return zf_error_set(err, ZF_E_SYNTAX, "numeric PICTURE string has %llu digits, more than %d",
							(unsigned long long) nines, ZF_MAX_DIGITS);
	for (int i = 0; i < n; i++)
	{
		is_digit[i] = runs[i].sym == '9';
		if (runs[i].sym == 'V')
			point = i;
	}
	scale = picture_scale(runs, n, point, is_digit);
	out->kind = ZF_KIND_ZONED;
	out->size = (uint32_t) nines;
	out->digits = (uint16_t) nines;
	out->scale = (int16_t) scale;
	out->is_signed = runs[0].sym == 'S';
	return ZF_OK;
}

/* Numeric-edited pictures. */
static zf_status
edited_picture(const pic_run *runs, int n, zf_picture *out, zf_error *err)
{
	bool		is_digit[PIC_MAX_CHARS];
	int			point = -1;
	uint64_t	size = 0;
	uint64_t	digits = 0;
	uint64_t	n_plus = count_of(runs, n, '+');
	uint64_t	n_minus = count_of(runs, n, '-');
	uint64_t	n_cs = count_of(runs, n, '$');
	uint64_t	n_crdb = count_of(runs, n, 'C') + count_of(runs, n, 'D');
	char		last = runs[n - 1].sym;

	if (count_of(runs, n, 'S') > 0)
		return zf_error_set(err, ZF_E_SYNTAX, "S is not allowed in a numeric-edited PICTURE string");
	if (count_of(runs, n, '.') + count_of(runs, n, 'V') > 1)
		return zf_error_set(err, ZF_E_SYNTAX, "PICTURE string has more than one decimal point");
	if (count_of(runs, n, 'Z') > 0 && count_of(runs, n, '*') > 0)
		return zf_error_set(err, ZF_E_SYNTAX, "Z and * cannot both appear in a PICTURE string");
	if (n_crdb > 1 || (n_crdb == 1 && last != 'C' && last != 'D'))
		return zf_error_set(err, ZF_E_SYNTAX, "CR or DB must appear once, at the right end of a PICTURE string");
	if ((n_plus > 0 && n_minus > 0) || (n_crdb > 0 && n_plus + n_minus > 0))
		return zf_error_set(err, ZF_E_SYNTAX, "PICTURE string has more than one kind of sign");
	if (!p_placement_ok(runs, n))
		return zf_error_set(err, ZF_E_SYNTAX, "P must be at the left or right end of a PICTURE string");

	for (int i = 0; i < n; i++)
	{
		char		s = runs[i].sym;
		uint64_t	floating;

		is_digit[i] = false;
		if (s == '.' || s == 'V')
			point = i;
		if (s != 'V' && s != 'P')
			size += runs[i].count * ((s == 'C' || s == 'D') ? 2 : 1);
		if (s == '9' || s == 'Z' || s == '*')
		{
			digits += runs[i].count;
			is_digit[i] = true;
			continue;
		}
		if (s != '+' && s != '-' && s != '$')
			continue;
		floating = (s == '+') ? n_plus : (s == '-') ? n_minus : n_cs;
		if (floating < 2)
			continue;			/* a single sign or currency sign: fixed */
		if (i == n - 1 && s != '$')
			return zf_error_set(err, ZF_E_SYNTAX, "a floating sign string cannot also end the PICTURE string");
		/* floating insertion: every symbol of the string but the first is
		 * a digit position */
		digits += runs[i].count;
		is_digit[i] = true;
	}
	if (n_plus >= 2)
		digits--;
	if (n_minus >= 2)
		digits--;
	if (n_cs >= 2)
		digits--;
	if (digits == 0)
		return zf_error_set(err, ZF_E_SYNTAX, "numeric-edited PICTURE string has no digit position");
	if (digits > ZF_MAX_DIGITS)
		return zf_error_set(err, ZF_E_SYNTAX, "PICTURE string has %llu digits, more than %d",
							(unsigned long long) digits, ZF_MAX_DIGITS);
	if (size > PIC_MAX_SIZE)
		return zf_error_set(err, ZF_E_LIMIT, "PICTURE string describes too many character positions");
	out->kind = ZF_KIND_EDITED;
	out->size = (uint32_t) size;
	out->digits = (uint16_t) digits;
	out->scale = (int16_t) picture_scale(runs, n, point, is_digit);
	out->is_signed = n_plus + n_minus + n_crdb > 0;
	return ZF_OK;
}

/* See copybook.h. */
zf_status
zf_picture_parse(const char *pic, size_t len, zf_picture *out, zf_error *err)
{
	pic_run		runs[PIC_MAX_CHARS];
	int			n = 0;
	uint64_t	total = 0;
	zf_status	s;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return zf_error_set(err, ZF_E_SYNTAX, "empty PICTURE string");
	if (len > PIC_MAX_CHARS)
		return zf_error_set(err, ZF_E_SYNTAX, "PICTURE string is longer than %d characters",
							PIC_MAX_CHARS);
	if ((s = split_runs(pic, len, runs, &n, err)) != ZF_OK)
		return s;
	for (int i = 0; i < n; i++)
		total += runs[i].count;

	if (count_of(runs, n, 'E') > 0)
		return zf_error_set(err, ZF_E_UNSUPPORTED, "floating-point edited PICTURE strings are not supported");

	if (count_of(runs, n, 'G') > 0 || count_of(runs, n, 'N') > 0)
	{
		bool		g = count_of(runs, n, 'G') > 0;

		if (!only_of(runs, n, g ? "GB" : "NB"))
			return zf_error_set(err, ZF_E_SYNTAX, "PICTURE string mixes %c with other symbols",
								g ? 'G' : 'N');
		if (total > PIC_MAX_SIZE / 2)
			return zf_error_set(err, ZF_E_LIMIT, "PICTURE string describes too many character positions");
		out->kind = g ? ZF_KIND_DBCS : ZF_KIND_NATIONAL;
		out->size = (uint32_t) total;
		return ZF_OK;
	}
	if (count_of(runs, n, 'X') > 0 || count_of(runs, n, 'A') > 0)
	{
		if (!only_of(runs, n, "AX9B0/"))
			return zf_error_set(err, ZF_E_SYNTAX, "invalid PICTURE string: A or X with numeric symbols");
		if (total > PIC_MAX_SIZE)
			return zf_error_set(err, ZF_E_LIMIT, "PICTURE string describes too many character positions");
		out->kind = ZF_KIND_ALNUM;
		out->size = (uint32_t) total;
		out->alphabetic = only_of(runs, n, "AB");
		return ZF_OK;
	}
	if (total > PIC_MAX_SIZE)
		return zf_error_set(err, ZF_E_LIMIT, "PICTURE string describes too many character positions");
	if (only_of(runs, n, "9SVP"))
		return numeric_picture(runs, n, out, err);
	return edited_picture(runs, n, out, err);
}
