/*-------------------------------------------------------------------------
 *
 * decimal_text.c
 *	  Scaled decimals as text: rendering, parsing, and numeric-edited
 *	  COBOL pictures (Z, *, $, +, -, CR, DB, insertion characters).
 *
 * None of this is on the per-field hot path of binary records except the
 * edited pictures, which are rare; clarity wins over speed here.
 *
 *-------------------------------------------------------------------------
 */
#include "decode/decimal.h"

#include <string.h>

#define U128_MAX			(~(unsigned __int128) 0)
#define U128_INT128_MAX		(U128_MAX >> 1)

/* Largest |scale| zf_decimal_to_string renders within ZF_DECIMAL_STRLEN. */
#define MAX_RENDER_SCALE	80

/* |v| as unsigned, defined for the most negative value too. */
static inline unsigned __int128
magnitude(zf_int128 v)
{
	return v < 0 ? 0 - (unsigned __int128) v : (unsigned __int128) v;
}

/* Number of decimal digits of |v|; 0 has one digit. */
int
zf_int128_digits(zf_int128 v)
{
	unsigned __int128 m = magnitude(v);
	uint64_t	m64;
	int			n = 1;

	/* 128-bit divisions are slow: divide down to 64 bits first */
	while (m > UINT64_MAX)
	{
		m /= 10000000000ULL;
		n += 10;
	}
	m64 = (uint64_t) m;
	while (m64 >= 10000)
	{
		m64 /= 10000;
		n += 4;
	}
	while (m64 >= 10)
	{
		m64 /= 10;
		n++;
	}
	return n;
}

/*
 * Render unscaled * 10^-scale.  Digits are produced right to left into a
 * scratch buffer, then laid out with the sign, the integer part (at least
 * "0"), the point and the fraction; a negative scale appends zeros.
 * Returns the length, or -1 (and an empty string) when |scale| exceeds
 * MAX_RENDER_SCALE.
 */
int
zf_decimal_to_string(zf_int128 unscaled, int scale, char *buf)
{
	char		digits[40];
	int			nd = 0;
	int			pos = 0;
	unsigned __int128 m = magnitude(unscaled);

	if (scale > MAX_RENDER_SCALE || scale < -MAX_RENDER_SCALE)
	{
		buf[0] = '\0';
		return -1;
	}
	do
	{
		digits[nd++] = (char) ('0' + (int) (m % 10));
		m /= 10;
	} while (m != 0);

	if (unscaled < 0)
		buf[pos++] = '-';
	if (scale <= 0)
	{
		while (nd > 0)
			buf[pos++] = digits[--nd];
		if (unscaled != 0)
			for (int i = 0; i < -scale; i++)
				buf[pos++] = '0';
	}
	else
	{
		int			intdigits = nd - scale;

		if (intdigits <= 0)
		{
			buf[pos++] = '0';
			buf[pos++] = '.';
			for (int i = 0; i < -intdigits; i++)
				buf[pos++] = '0';
			while (nd > 0)
				buf[pos++] = digits[--nd];
		}
		else
		{
			while (nd > scale)
				buf[pos++] = digits[--nd];
			buf[pos++] = '.';
			while (nd > 0)
				buf[pos++] = digits[--nd];
		}
	}
	buf[pos] = '\0';
	return pos;
}

/* acc = acc * 10 + d within the int128 magnitude range; false on overflow. */
static inline bool
push_digit(unsigned __int128 *acc, unsigned d)
{
	/* below this no digit can overflow: no 128-bit division then */
	static const unsigned __int128 safe = U128_INT128_MAX / 10 - 1;

	if (__builtin_expect(*acc < safe, 1))
	{
		*acc = *acc * 10 + d;
		return true;
	}
	if (*acc > (U128_INT128_MAX + 1 - d) / 10)
		return false;
	*acc = *acc * 10 + d;
	return true;
}

/* Multiply a magnitude by 10^n within the int128 range. */
static bool
scale_up(unsigned __int128 *acc, int n)
{
	for (int i = 0; i < n; i++)
		if (!push_digit(acc, 0))
			return false;
	return true;
}

/* Apply the sign to a magnitude known to fit (at most 2^127 if negative). */
static zf_status
signed_result(unsigned __int128 mag, bool negative, zf_int128 *out,
			  zf_error *err)
{
	if (!negative && mag > U128_INT128_MAX)
		return zf_error_set(err, ZF_E_OVERFLOW, "value out of range for a 128-bit integer");
	*out = negative ? (zf_int128) (0 - mag) : (zf_int128) mag;
	return ZF_OK;
}

/*
 * Parse [blanks][+|-]digits[.digits][blanks] into an unscaled value of the
 * given scale.  Fraction digits beyond the scale are accepted only when they
 * are zeros (dropping them is not rounding); leading zeros do not count
 * against the 38 digits.
 */
zf_status
zf_decimal_from_string(const char *s, size_t len, int scale,
					   zf_int128 *out, zf_error *err)
{
	size_t		i = 0;
	size_t		end = len;
	bool		negative = false;
	bool		any = false;
	bool		point = false;
	int			frac = 0;			/* fraction digits kept so far */
	int			significant = 0;
	unsigned __int128 acc = 0;

	if (scale < -MAX_RENDER_SCALE || scale > MAX_RENDER_SCALE)
		return zf_error_set(err, ZF_E_ARG, "invalid scale %d", scale);
	while (i < end && s[i] == ' ')
		i++;
	while (end > i && s[end - 1] == ' ')
		end--;
	if (i < end && (s[i] == '+' || s[i] == '-'))
		negative = s[i++] == '-';
	for (; i < end; i++)
	{
		char		c = s[i];

		if (c == '.' && !point)
		{
			point = true;
			continue;
		}
		if (c < '0' || c > '9')
		{
			if (c >= ' ' && c < 0x7F)
				zf_error_set(err, ZF_E_BAD_DATA,
							 "invalid character \"%c\" in decimal number", c);
			else
				zf_error_set(err, ZF_E_BAD_DATA,
							 "invalid byte X'%02X' in decimal number",
							 (unsigned) (uint8_t) c);
			if (err)
				err->offset = (int64_t) i;
			return ZF_E_BAD_DATA;
		}
		any = true;
		if (point && frac >= scale)
		{
			if (c != '0')
				return zf_error_set(err, ZF_E_OVERFLOW,
									"decimal number has more than %d fraction digits",
									scale < 0 ? 0 : scale);
			continue;			/* a trailing zero beyond the scale */
		}
		if (point)
			frac++;
		if (acc != 0 || c != '0')
			significant++;
		if (significant > ZF_MAX_DIGITS || !push_digit(&acc, (unsigned) (c - '0')))
			return zf_error_set(err, ZF_E_OVERFLOW,
								"decimal number has more than %d digits",
								ZF_MAX_DIGITS);
	}
	if (!any)
		return zf_error_set(err, ZF_E_BAD_DATA, "invalid decimal number: no digits");

	if (scale >= frac)
	{
		if (!scale_up(&acc, scale - frac))
			return zf_error_set(err, ZF_E_OVERFLOW,
								"decimal number out of range for scale %d", scale);
	}
	else
	{
		/* negative scale: the dropped integer digits must be zeros */
		for (int k = 0; k < frac - scale; k++)
		{
			if (acc % 10 != 0)
				return zf_error_set(err, ZF_E_OVERFLOW,
									"decimal number needs rounding for scale %d",
									scale);
			acc /= 10;
		}
	}
	return signed_result(acc, negative, out, err);
}


/* ---------------------------------------------------------------------
 * Numeric-edited pictures
 * ---------------------------------------------------------------------
 */

/* What one character position of an edited picture holds. */
typedef enum edit_kind
{
	E_DIGIT,					/* 9 */
	E_ZERO,						/* Z: digit, or blank while suppressing */
	E_STAR,						/* *: digit, or '*' while suppressing */
	E_FLOAT,					/* 2nd+ symbol of a floating $, + or - string */
	E_FLOAT_LEAD,				/* 1st symbol of a floating string */
	E_CURRENCY,					/* a single $ */
	E_PLUS,						/* a fixed + : '+' or '-' */
	E_MINUS,					/* a fixed - : '-' or blank */
	E_INSERT,					/* , . B 0 / other than the decimal point */
	E_POINT,					/* the decimal point */
	E_CR,						/* CR, 2 positions, first one */
	E_DB,						/* DB, 2 positions, first one */
	E_SECOND					/* the second position of CR or DB */
} edit_kind;

#define MAX_EDIT_POSITIONS	160

typedef struct edit_pos
{
	uint8_t		kind;
	char		symbol;			/* the picture character */
	bool		fraction;		/* right of the decimal point or V */
} edit_pos;

/* Upper-case an ASCII letter. */
static inline char
upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
}

/*
 * Expand a picture such as "$$,$$9.99CR" or "Z(5)9V99-" into one entry per
 * character position.  Returns the number of positions, or -1 with err set.
 */
static int
edit_expand(const char *picture, char decimal_point, edit_pos *pos,
			int *pic_scale, int *ndigits, int *nnines, char *float_symbol,
			zf_error *err)
{
	size_t		plen = strlen(picture);
	int			n = 0;
	bool		fraction = false;
	int			count_dollar = 0, count_plus = 0, count_minus = 0;
	bool		seen_dollar = false, seen_plus = false, seen_minus = false;
	char		grouping = decimal_point == ',' ? '.' : ',';
	char		bad = ' ';

	*pic_scale = 0;
	*ndigits = 0;
	*nnines = 0;
	*float_symbol = '\0';
	for (size_t i = 0; i < plen; i++)
	{
		char		c = upper(picture[i]);
		long		repeat = 1;
		int			width = 1;

		if (c == 'C' || c == 'D')
		{
			if (i + 1 >= plen || upper(picture[i + 1]) != (c == 'C' ? 'R' : 'B'))
			{
				bad = c;
				goto bad_symbol;
			}
			i++;
			width = 2;
		}
		else if (!(c == '9' || c == 'Z' || c == '*' || c == '$' || c == '+' ||
				   c == '-' || c == ',' || c == '.' || c == 'B' || c == '0' ||
				   c == '/' || c == 'V'))
		{
			bad = c;
			goto bad_symbol;
		}
		if (i + 1 < plen && picture[i + 1] == '(')
		{
			size_t		j = i + 2;

			repeat = 0;
			while (j < plen && picture[j] >= '0' && picture[j] <= '9' && repeat <= MAX_EDIT_POSITIONS)
				repeat = repeat * 10 + (picture[j++] - '0');
			if (j >= plen || picture[j] != ')' || repeat < 1 || width == 2)
			{
				zf_error_set(err, ZF_E_ARG, "invalid repetition in picture \"%s\"", picture);
				return -1;
			}
			i = j;
		}
		if (c == 'V')
		{
			fraction = true;
			continue;
		}
		if (n + repeat * width > MAX_EDIT_POSITIONS)
		{
			zf_error_set(err, ZF_E_ARG, "picture \"%s\" is longer than %d characters",
						 picture, MAX_EDIT_POSITIONS);
			return -1;
		}
		for (long r = 0; r < repeat; r++)
		{
			edit_pos   *e = &pos[n++];

			e->symbol = c;
			e->fraction = fraction;
			switch (c)
			{
				case '9':
					e->kind = E_DIGIT;
					break;
				case 'Z':
					e->kind = E_ZERO;
					break;
				case '*':
					e->kind = E_STAR;
					break;
				case '$':
					e->kind = E_CURRENCY;
					count_dollar++;
					break;
				case '+':
					e->kind = E_PLUS;
					count_plus++;
					break;
				case '-':
					e->kind = E_MINUS;
					count_minus++;
					break;
				case 'C':
					e->kind = E_CR;
					pos[n++] = (edit_pos) {E_SECOND, 'R', fraction};
					break;
				case 'D':
					e->kind = E_DB;
					pos[n++] = (edit_pos) {E_SECOND, 'B', fraction};
					break;
				default:
					if (c == decimal_point)
					{
						e->kind = E_POINT;
						fraction = true;
					}
					else if (c == grouping || c == 'B' || c == '0' || c == '/')
						e->kind = E_INSERT;
					break;
			}
		}
	}

	/* a $, + or - written more than once is a floating insertion string */
	for (int k = 0; k < n; k++)
	{
		edit_pos   *e = &pos[k];
		int			count;
		bool	   *seen;

		if (e->symbol == '$')
			count = count_dollar, seen = &seen_dollar;
		else if (e->symbol == '+' && e->kind == E_PLUS)
			count = count_plus, seen = &seen_plus;
		else if (e->symbol == '-' && e->kind == E_MINUS)
			count = count_minus, seen = &seen_minus;
		else
			continue;
		if (count < 2)
			continue;
		e->kind = *seen ? E_FLOAT : E_FLOAT_LEAD;
		*seen = true;
		*float_symbol = e->symbol;
	}
	for (int k = 0; k < n; k++)
	{
		uint8_t		kind = pos[k].kind;

		if (kind == E_DIGIT || kind == E_ZERO || kind == E_STAR || kind == E_FLOAT)
		{
			(*ndigits)++;
			if (kind == E_DIGIT)
				(*nnines)++;
			if (pos[k].fraction)
				(*pic_scale)++;
		}
	}
	if (*ndigits == 0 || *ndigits > ZF_MAX_DIGITS)
	{
		zf_error_set(err, ZF_E_ARG, "picture \"%s\" must have 1 to %d digit positions",
					 picture, ZF_MAX_DIGITS);
		return -1;
	}
	return n;

bad_symbol:
	zf_error_set(err, ZF_E_ARG, "unsupported symbol \"%c\" in numeric-edited picture \"%s\"",
				 bad, picture);
	return -1;
}

/* Report a character of an edited field that its picture does not allow. */
static zf_status
edit_bad(const char *text, size_t len, size_t i, const char *picture,
		 zf_error *err)
{
	if (err == NULL)
		return ZF_E_BAD_DATA;
	if (text[i] >= ' ' && text[i] < 0x7F)
		zf_error_set(err, ZF_E_BAD_DATA,
					 "invalid character \"%c\" at position %zu of numeric-edited field",
					 text[i], i + 1);
	else
		zf_error_set(err, ZF_E_BAD_DATA,
					 "invalid byte X'%02X' at position %zu of numeric-edited field",
					 (unsigned) (uint8_t) text[i], i + 1);
	err->offset = (int64_t) i;
	zf_error_detail(err, "The field \"%.*s\" does not match the picture \"%s\".",
					(int) (len > 64 ? 64 : len), text, picture);
	return ZF_E_BAD_DATA;
}

/*
 * Parse text against a numeric-edited picture.  Position by position: digit
 * positions take a digit, or (Z, *, floating strings) a blank or '*' while
 * zero suppression is still going on; insertion characters may be
 * suppressed the same way (or carry the floating symbol when it lands on
 * them); signs come from +, -, CR, DB or a floating sign string.  An all-blank field is zero when the picture says BLANK WHEN ZERO
 * or when it has no 9 and no * positions (COBOL then prints a zero value as
 * blanks).
 */
zf_status
zf_edited_decode(const char *text, size_t len, const char *picture, int scale,
				 char decimal_point, bool blank_when_zero, zf_int128 *out,
				 zf_error *err)
{
	edit_pos	pos[MAX_EDIT_POSITIONS];
	int			n, pic_scale, ndigits, nnines;
	bool		started = false;	/* a digit or a floating symbol was seen */
	bool		negative = false;
	bool		all_blank = true;
	unsigned __int128 acc = 0;
	bool		has_star = false;
	char		float_symbol;

	if (decimal_point != '.' && decimal_point != ',')
		return zf_error_set(err, ZF_E_ARG, "decimal point must be \".\" or \",\"");
	n = edit_expand(picture, decimal_point, pos, &pic_scale, &ndigits, &nnines,
					&float_symbol, err);
	if (n < 0)
		return ZF_E_ARG;
	if (pic_scale > scale)
		return zf_error_set(err, ZF_E_ARG,
							"picture \"%s\" has %d fraction digits but the scale is %d",
							picture, pic_scale, scale);
	if ((size_t) n != len)
	{
		zf_error_set(err, ZF_E_BAD_DATA,
					 "numeric-edited field of %zu characters does not match picture \"%s\" of %d",
					 len, picture, n);
		return ZF_E_BAD_DATA;
	}
	for (int k = 0; k < n; k++)
	{
		if (text[k] != ' ')
			all_blank = false;
		if (pos[k].kind == E_STAR)
			has_star = true;
	}
	if (all_blank)
	{
		if (blank_when_zero || (nnines == 0 && !has_star))
		{
			*out = 0;
			return ZF_OK;
		}
		zf_error_set(err, ZF_E_BAD_DATA, "blank numeric-edited field");
		if (err)
		{
			err->offset = 0;
			zf_error_hint(err, "The column option null_if 'spaces' reads such fields as NULL.");
		}
		return ZF_E_BAD_DATA;
	}

	for (int k = 0; k < n; k++)
	{
		char		c = text[k];
		const edit_pos *e = &pos[k];
		bool		is_digit = c >= '0' && c <= '9';

		switch ((edit_kind) e->kind)
		{
			case E_DIGIT:
				if (!is_digit)
					return edit_bad(text, len, k, picture, err);
				started = true;
				push_digit(&acc, (unsigned) (c - '0'));
				break;
			case E_ZERO:
			case E_STAR:
			case E_FLOAT:
				if (is_digit)
				{
					started = true;
					push_digit(&acc, (unsigned) (c - '0'));
				}
				else if (started)
					return edit_bad(text, len, k, picture, err);
				else if (e->kind == E_STAR ? c == '*' : c == ' ')
					push_digit(&acc, 0);
				else if (e->kind == E_FLOAT &&
						 (c == e->symbol || (e->symbol == '+' && c == '-')))
				{
					/* the floating symbol itself, left of the first digit */
					started = true;
					if (e->symbol != '$')
						negative = c == '-';
					push_digit(&acc, 0);
				}
				else
					return edit_bad(text, len, k, picture, err);
				break;
			case E_FLOAT_LEAD:
				if (c == e->symbol || (e->symbol == '+' && c == '-'))
				{
					started = true;
					if (e->symbol != '$')
						negative = c == '-';
				}
				else if (c != ' ')
					return edit_bad(text, len, k, picture, err);
				break;
			case E_CURRENCY:
				if (c != '$')
					return edit_bad(text, len, k, picture, err);
				break;
			case E_PLUS:
				if (c != '+' && c != '-')
					return edit_bad(text, len, k, picture, err);
				negative = c == '-';
				break;
			case E_MINUS:
				if (c != '-' && c != ' ')
					return edit_bad(text, len, k, picture, err);
				negative = c == '-';
				break;
			case E_INSERT:
				{
					char		expect = e->symbol == 'B' ? ' ' : e->symbol;

					if (c == expect || (!started && (c == ' ' || c == '*')))
						break;
					/* a floating string puts its symbol on a suppressed comma */
					if (!started && float_symbol != '\0' &&
						(c == float_symbol || (float_symbol == '+' && c == '-')))
					{
						started = true;
						if (float_symbol != '$')
							negative = c == '-';
						break;
					}
					return edit_bad(text, len, k, picture, err);
				}
			case E_POINT:
				if (c == decimal_point)
					started = true;
				else if (started || (c != ' ' && c != '*'))
					return edit_bad(text, len, k, picture, err);
				break;
			case E_CR:
			case E_DB:
				{
					char		c2 = k + 1 < n ? text[k + 1] : '\0';
					char		want = e->kind == E_CR ? 'C' : 'D';
					char		want2 = e->kind == E_CR ? 'R' : 'B';

					if (upper(c) == want && upper(c2) == want2)
						negative = true;
					else if (!(c == ' ' && c2 == ' '))
						return edit_bad(text, len, k, picture, err);
					k++;		/* E_SECOND consumed here */
					break;
				}
			case E_SECOND:
				break;
		}
	}
	if (!scale_up(&acc, scale - pic_scale))
		return zf_error_set(err, ZF_E_OVERFLOW,
							"numeric-edited value out of range for scale %d", scale);
	return signed_result(acc, negative && acc != 0, out, err);
}
