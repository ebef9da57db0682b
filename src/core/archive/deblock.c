/*-------------------------------------------------------------------------
 *
 * deblock.c
 *	  Blocks of a data set re-framed for the record reader, the byte
 *	  source every archive builds on, and the small helpers of labels
 *	  (EBCDIC text and numbers, member globs).
 *
 * A block is checked whole before any of it is handed out: an F block is
 * a whole number of records; a V block's BDW says its length and its RDW
 * (or SDW) chain ends exactly at its end.  The record reader then sees one
 * continuous stream, in which a descriptor crossing a block boundary
 * could otherwise pass unnoticed.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/archive_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The framing of a RECFM text (the first letter, then B/S/A/M/T). */
bool
zf_ds_framing_of(const char *recfm, zf_ds_framing *out)
{
	bool		spanned = false;

	if (recfm == NULL || recfm[0] == '\0')
		return false;
	for (const char *p = recfm + 1; *p; p++)
	{
		if (*p == 'S' || *p == 's')
			spanned = true;
		else if (strchr("BbAaMmTt", *p) == NULL)
			return false;
	}
	switch (recfm[0])
	{
		case 'F':
		case 'f':
			*out = ZF_DS_FIXED;
			return true;
		case 'V':
		case 'v':
			*out = spanned ? ZF_DS_SPANNED : ZF_DS_VARIABLE;
			return true;
		case 'U':
		case 'u':
			*out = ZF_DS_UNDEFINED;
			return true;
	}
	return false;
}

/* The reader recfm of what a source hands out (archive.h's table). */
bool
zf_archive_reader_recfm(const char *recfm, bool xmit, bool members,
						zf_recfm *out)
{
	zf_ds_framing f;

	if (!zf_ds_framing_of(recfm, &f))
		return false;
	if (f == ZF_DS_FIXED)
		*out = ZF_RECFM_FB;
	else if (f == ZF_DS_SPANNED && !(xmit && !members))
		*out = ZF_RECFM_VBS;
	else
		*out = ZF_RECFM_VB;
	return true;
}

/* The deblocking of a RECFM with an LRECL. */
zf_status
zf_deblock_init(zf_deblock *d, const char *recfm, uint32_t lrecl,
				zf_error *err)
{
	if (!zf_ds_framing_of(recfm, &d->framing))
		return zf_error_set(err, ZF_E_UNSUPPORTED,
							"record format \"%s\" of the data set is not one zfdw reads",
							recfm ? recfm : "");
	d->lrecl = lrecl;
	if (d->framing == ZF_DS_FIXED && lrecl == 0)
		return zf_error_set(err, ZF_E_ARG,
							"a data set of fixed-length records needs a record length");
	return ZF_OK;
}

/* A framing error at offset, with the bytes found there. */
zf_status
zf_archive_error(zf_error *err, uint64_t offset, const uint8_t *p, size_t n,
				 const char *fmt,...)
{
	va_list		ap;
	char		hex[ZF_DETAIL_LEN / 2];

	va_start(ap, fmt);
	zf_error_setv(err, ZF_E_FRAMING, fmt, ap);
	va_end(ap);
	if (err != NULL)
	{
		err->offset = (int64_t) offset;
		if (p != NULL && n > 0)
		{
			zf_hex(hex, sizeof(hex), p, n, 16);
			zf_error_detail(err, "Bytes found there: %s.", hex);
		}
	}
	return ZF_E_FRAMING;
}

/*
 * The chain of 4-byte descriptors (RDWs or SDWs) of a V block body ends
 * exactly at its end.
 */
static zf_status
check_chain(const uint8_t *p, uint32_t len, uint64_t offset, bool spanned,
			zf_error *err)
{
	uint32_t	pos = 0;

	while (pos < len)
	{
		uint32_t	l;

		if (len - pos < 4)
			return zf_archive_error(err, offset + pos, p + pos, len - pos,
									"a block ends inside a %s", spanned ? "segment descriptor" : "record descriptor");
		l = ((uint32_t) p[pos] << 8) | p[pos + 1];
		if (l < 4 || (!spanned && l == 4) || l > len - pos ||
			(!spanned && p[pos + 2] != 0) || p[pos + 3] != 0 ||
			(spanned && p[pos + 2] > 3))
			return zf_archive_error(err, offset + pos, p + pos, 4,
									"invalid %s in a block", spanned ? "segment descriptor" : "record descriptor");
		pos += l;
	}
	return ZF_OK;
}

/* Check one block and re-frame it (archive.h's table). */
zf_status
zf_deblock_block(const zf_deblock *d, const uint8_t *blk, uint32_t len,
				 uint64_t offset, zf_piece *piece, zf_error *err)
{
	uint32_t	bdw;

	piece->prefix_len = 0;
	piece->data = blk;
	piece->len = len;
	switch (d->framing)
	{
		case ZF_DS_FIXED:
			if (len % d->lrecl != 0)
				return zf_archive_error(err, offset, blk, len < 16 ? len : 16,
										"a block of %u bytes is not a whole number of %u-byte records",
										len, d->lrecl);
			return ZF_OK;
		case ZF_DS_UNDEFINED:
			if (len > 65535 - 4)
				return zf_error_set(err, ZF_E_UNSUPPORTED,
									"a block of %u bytes of an undefined-format (U) data set is longer than zfdw reads (65531)",
									len);
			piece->prefix[0] = (uint8_t) ((len + 4) >> 8);
			piece->prefix[1] = (uint8_t) (len + 4);
			piece->prefix[2] = 0;
			piece->prefix[3] = 0;
			piece->prefix_len = 4;
			return ZF_OK;
		case ZF_DS_VARIABLE:
		case ZF_DS_SPANNED:
			if (len < 4)
				return zf_archive_error(err, offset, blk, len,
										"a block of %u bytes is too short for its block descriptor", len);
			if (blk[0] & 0x80)
				bdw = (((uint32_t) blk[0] & 0x7F) << 24) | ((uint32_t) blk[1] << 16) |
					((uint32_t) blk[2] << 8) | blk[3];
			else
			{
				bdw = ((uint32_t) blk[0] << 8) | blk[1];
				if (blk[2] != 0 || blk[3] != 0)
					bdw = 0;
			}
			if (bdw != len)
				return zf_archive_error(err, offset, blk, 4,
										"the block descriptor does not give the block's length (%u bytes)", len);
			piece->data = blk + 4;
			piece->len = len - 4;
			return check_chain(blk + 4, len - 4, offset + 4,
							   d->framing == ZF_DS_SPANNED, err);
	}
	return zf_error_set(err, ZF_E_ARG, "unknown record format");
}

/* ---- the archive source ---- */

/* Hand out the pieces the archive fills, one after the other. */
static zf_status
archive_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			 zf_error *err)
{
	zf_archive_source *a = (zf_archive_source *) src;
	size_t		done = 0;

	while (done < n)
	{
		zf_piece   *p = &a->piece;
		uint32_t	total = p->prefix_len + p->len;

		if (a->piece_pos >= total)
		{
			zf_status	st;

			if (done > 0)
				break;			/* hand out what we have first */
			memset(p, 0, sizeof(*p));
			a->piece_pos = 0;
			st = a->fill(a, p, err);
			if (st == ZF_EOF)
			{
				*got = 0;
				return ZF_EOF;
			}
			if (st != ZF_OK)
				return st;
			continue;
		}
		while (a->piece_pos < p->prefix_len && done < n)
			buf[done++] = p->prefix[a->piece_pos++];
		if (done < n && a->piece_pos >= p->prefix_len && a->piece_pos < total)
		{
			size_t		k = total - a->piece_pos;

			if (k > n - done)
				k = n - done;
			memcpy(buf + done, p->data + (a->piece_pos - p->prefix_len), k);
			done += k;
			a->piece_pos += (uint32_t) k;
		}
	}
	a->out += done;
	*got = done;
	return ZF_OK;
}

/* Release the archive's own state (the inner source is closed after). */
static zf_status
archive_close(zf_byte_source *src, zf_error *err)
{
	zf_archive_source *a = (zf_archive_source *) src;

	(void) err;
	if (a->free_state)
		a->free_state(a);
	free(a->members);
	return ZF_OK;
}

/* Read at an offset: the sources that mapped their data (tape_map.c). */
static zf_status
archive_read_at(zf_byte_source *src, uint8_t *buf, size_t n, uint64_t offset,
				size_t *got, zf_error *err)
{
	zf_archive_source *a = (zf_archive_source *) src;

	if (a->read_at == NULL)
		return zf_error_set(err, ZF_E_UNSUPPORTED,
							"this data set of the archive is read in order only");
	return a->read_at(a, buf, n, offset, got, err);
}

/*
 * The identity of the handed-out bytes: the inner source's, with the
 * data set read (a key index is cached by it).
 */
static bool
archive_identity(const zf_byte_source *src, char *buf, size_t len)
{
	const zf_archive_source *a = (const zf_archive_source *) src;
	char		inner[ZF_BYTES_ID_LEN];
	int			k;

	if (src->inner == NULL || !zf_bytes_identity(src->inner, inner))
		return false;
	k = snprintf(buf, len, "%s#%u%s%.17s", inner, a->desc.file,
				 a->desc.members ? "m" : "", a->desc.dsname);
	return k > 0 && (size_t) k < len;
}

static const zf_byte_source_ops archive_ops = {
	.read = archive_read,
	.read_at = archive_read_at,
	.identity = archive_identity,
	.close = archive_close,
};

/* Create an archive source over inner. */
zf_archive_source *
zf_archive_source_new(size_t state_size, const char *name,
					  zf_byte_source *inner, zf_archive_fill fill,
					  zf_archive_free free_state, zf_error *err)
{
	zf_archive_source *a;

	a = (zf_archive_source *) zf_bytes_new(&archive_ops, state_size, name, err);
	if (a == NULL)
		return NULL;
	a->base.inner = inner;
	a->base.hooks = inner->hooks;
	a->fill = fill;
	a->free_state = free_state;
	return a;
}

/* The bytes handed out from now on are member name's. */
zf_status
zf_archive_member_begins(zf_archive_source *a, const char *name,
						 zf_error *err)
{
	uint64_t	at = a->out + (a->piece.prefix_len + a->piece.len - a->piece_pos);

	if (a->nmembers == a->cap_members)
	{
		uint32_t	cap = a->cap_members ? a->cap_members * 2 : 16;
		zf_member_start *m = realloc(a->members, sizeof(*m) * cap);

		if (m == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory listing members");
		a->members = m;
		a->cap_members = cap;
	}
	a->members[a->nmembers].offset = at;
	snprintf(a->members[a->nmembers].name, sizeof(a->members[0].name), "%s", name);
	a->nmembers++;
	return ZF_OK;
}

/* What an archive source (or one beneath src) reads. */
bool
zf_archive_describe(zf_byte_source *src, zf_archive_desc *out)
{
	while (src != NULL && src->ops != &archive_ops)
		src = src->inner;
	if (src == NULL)
		return false;
	*out = ((zf_archive_source *) src)->desc;
	return true;
}

/* The member of the byte at offset, by binary search of the starts. */
const char *
zf_archive_member_at(zf_byte_source *src, uint64_t offset)
{
	zf_archive_source *a;
	uint32_t	lo = 0,
				hi;

	while (src != NULL && src->ops != &archive_ops)
		src = src->inner;
	if (src == NULL)
		return NULL;
	a = (zf_archive_source *) src;
	if (a->nmembers == 0)
		return NULL;
	hi = a->nmembers;
	while (hi - lo > 1)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (a->members[mid].offset <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return a->members[lo].name;
}

/* ---- EBCDIC label text ---- */

static const char ebcdic_chars[256] = {
	[0x40] = ' ',[0x4B] = '.',[0x4C] = '<',[0x4D] = '(',[0x4E] = '+',
	[0x50] = '&',[0x5B] = '$',[0x5C] = '*',[0x5D] = ')',[0x5E] = ';',
	[0x60] = '-',[0x61] = '/',[0x6B] = ',',[0x6C] = '%',[0x6D] = '_',
	[0x6E] = '>',[0x6F] = '?',[0x7A] = ':',[0x7B] = '#',[0x7C] = '@',
	[0x7D] = '\'',[0x7E] = '=',[0x7F] = '"',
	[0x81] = 'a',[0x82] = 'b',[0x83] = 'c',[0x84] = 'd',[0x85] = 'e',
	[0x86] = 'f',[0x87] = 'g',[0x88] = 'h',[0x89] = 'i',
	[0x91] = 'j',[0x92] = 'k',[0x93] = 'l',[0x94] = 'm',[0x95] = 'n',
	[0x96] = 'o',[0x97] = 'p',[0x98] = 'q',[0x99] = 'r',
	[0xA2] = 's',[0xA3] = 't',[0xA4] = 'u',[0xA5] = 'v',[0xA6] = 'w',
	[0xA7] = 'x',[0xA8] = 'y',[0xA9] = 'z',
	[0xC1] = 'A',[0xC2] = 'B',[0xC3] = 'C',[0xC4] = 'D',[0xC5] = 'E',
	[0xC6] = 'F',[0xC7] = 'G',[0xC8] = 'H',[0xC9] = 'I',
	[0xD1] = 'J',[0xD2] = 'K',[0xD3] = 'L',[0xD4] = 'M',[0xD5] = 'N',
	[0xD6] = 'O',[0xD7] = 'P',[0xD8] = 'Q',[0xD9] = 'R',
	[0xE2] = 'S',[0xE3] = 'T',[0xE4] = 'U',[0xE5] = 'V',[0xE6] = 'W',
	[0xE7] = 'X',[0xE8] = 'Y',[0xE9] = 'Z',
	[0xF0] = '0',[0xF1] = '1',[0xF2] = '2',[0xF3] = '3',[0xF4] = '4',
	[0xF5] = '5',[0xF6] = '6',[0xF7] = '7',[0xF8] = '8',[0xF9] = '9',
};

/* EBCDIC to ASCII, other bytes as '?', trailing blanks trimmed. */
void
zf_label_text(char *dst, const uint8_t *src, size_t n)
{
	size_t		end = 0;

	for (size_t i = 0; i < n; i++)
	{
		char		c = ebcdic_chars[src[i]];

		dst[i] = c ? c : '?';
		if (dst[i] != ' ')
			end = i + 1;
	}
	dst[end] = '\0';
}

/* ASCII to EBCDIC for the characters of names; others become X'6F'. */
void
zf_label_ebcdic(uint8_t *dst, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int			c = (unsigned char) src[i];
		uint8_t		e = 0x6F;

		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';		/* names are upper case */
		for (int b = 0; b < 256; b++)
			if (ebcdic_chars[b] == c)
			{
				e = (uint8_t) b;
				break;
			}
		dst[i] = e;
	}
}

/* EBCDIC digits, blanks around allowed; false for anything else or none. */
bool
zf_label_number(const uint8_t *src, size_t n, uint64_t *out)
{
	uint64_t	v = 0;
	bool		any = false;
	size_t		i = 0;

	while (i < n && src[i] == 0x40)
		i++;
	for (; i < n && src[i] >= 0xF0 && src[i] <= 0xF9; i++)
	{
		v = v * 10 + (src[i] - 0xF0);
		any = true;
	}
	while (i < n && src[i] == 0x40)
		i++;
	if (i != n || !any)
		return false;
	*out = v;
	return true;
}

/* fnmatch-like glob of member names: * ? [set] [!set], any case. */
bool
zf_member_glob_match(const char *g, const char *s)
{
	for (; *g; g++, s++)
	{
		if (*g == '*')
		{
			while (g[1] == '*')
				g++;
			if (g[1] == '\0')
				return true;
			for (; *s; s++)
				if (zf_member_glob_match(g + 1, s))
					return true;
			return false;
		}
		if (*s == '\0')
			return false;
		if (*g == '?')
			continue;
		if (*g == '[')
		{
			bool		negate = g[1] == '!' || g[1] == '^';
			const char *e = strchr(g + (negate ? 2 : 1), ']');
			bool		hit = false;
			char		c = (*s >= 'a' && *s <= 'z') ? *s - 32 : *s;

			if (e == NULL)
				return false;
			for (const char *p = g + (negate ? 2 : 1); p < e; p++)
			{
				char		lo = (*p >= 'a' && *p <= 'z') ? *p - 32 : *p;

				if (p + 2 < e && p[1] == '-')
				{
					char		hi = (p[2] >= 'a' && p[2] <= 'z') ? p[2] - 32 : p[2];

					if (c >= lo && c <= hi)
						hit = true;
					p += 2;
				}
				else if (c == lo)
					hit = true;
			}
			if (hit == negate)
				return false;
			g = e;
			continue;
		}
		{
			char		a = (*g >= 'a' && *g <= 'z') ? *g - 32 : *g;
			char		b = (*s >= 'a' && *s <= 'z') ? *s - 32 : *s;

			if (a != b)
				return false;
		}
	}
	return *s == '\0';
}

/*
 * A DCB RECFM byte (IEBCOPY's COPYR1, NETDATA's INMRECFM) as text: F, V
 * or U, then B, S, A or M; empty for an undefined format.
 */
void
zf_dcb_recfm_text(uint8_t r, char *out)
{
	int			i = 0;

	switch (r & 0xC0)
	{
		case 0x80:
			out[i++] = 'F';
			break;
		case 0x40:
			out[i++] = 'V';
			break;
		case 0xC0:
			out[i++] = 'U';
			break;
		default:
			out[0] = '\0';
			return;
	}
	if (r & 0x10)
		out[i++] = 'B';
	if ((r & 0x08) && out[0] != 'U')
		out[i++] = 'S';
	if (r & 0x04)
		out[i++] = 'A';
	else if (r & 0x02)
		out[i++] = 'M';
	out[i] = '\0';
}
