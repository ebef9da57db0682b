/*-------------------------------------------------------------------------
 *
 * layout_pack.c
 *	  A finished layout as one block of bytes, and back: how a process
 *	  hands the layout it parsed to another process of the same build (a
 *	  parallel worker) without that one parsing it again.
 *
 * The bytes are: a header; every field as it is in memory followed by the
 * offsets of its strings; every record definition likewise, followed by
 * its WHEN conditions and the offsets of their values; then the strings
 * and values themselves.  An offset is relative to the start of the
 * strings, plus one; zero stands for NULL.  The structs are copied as
 * they are, so the bytes are only meaningful to the same build, which the
 * header checks by the structs' sizes.  Every pointer member of zf_field,
 * zf_recdef and zf_when must be packed here (see pack_field and friends).
 *
 * Unpacking checks the header, the sizes, every offset and that every
 * string ends within the strings, so that it never reads out of bounds;
 * the links between fields are taken as they were packed, so the bytes
 * must come from zf_layout_pack.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_int.h"

#include <stdlib.h>
#include <string.h>

#define PACK_MAGIC		0x5A464C50	/* "ZFLP" */

/* Strings of a field, and of a record definition, in packing order. */
#define FIELD_STRINGS	5
#define RECDEF_STRINGS	3

typedef struct pack_header
{
	uint32_t	magic;
	uint32_t	field_size;		/* sizeof(zf_field) of the packing build */
	uint32_t	recdef_size;
	uint32_t	when_size;
	int32_t		source;
	int32_t		nfields;
	int32_t		nrecords;
	int32_t		nwhens;			/* of all record definitions */
	uint64_t	strings;		/* bytes of strings and values at the end */
} pack_header;

/* Where packing writes, or unpacking reads. */
typedef struct pack_cursor
{
	uint8_t    *p;				/* the next struct or offset */
	uint8_t    *strings;		/* the strings area (unpacking: the copy) */
	uint64_t	size;			/* its bytes, when unpacking */
	uint64_t	used;			/* its bytes written, when packing */
	bool		ok;				/* unpacking: every offset was in bounds */
} pack_cursor;

/* The strings of a field, in packing order. */
static void
field_strings(const zf_field *f, const char **s)
{
	s[0] = f->name;
	s[1] = f->sql_name;
	s[2] = f->usage;
	s[3] = f->picture;
	s[4] = f->date_format;
}

/* The strings of a record definition, in packing order. */
static void
recdef_strings(const zf_recdef *rd, const char **s)
{
	s[0] = rd->name;
	s[1] = rd->creator;
	s[2] = rd->table;
}

/* Bytes of the structs and offsets of L (without the strings). */
static uint64_t
structs_size(const zf_layout *L, int32_t *nwhens)
{
	uint64_t	n = sizeof(pack_header);

	*nwhens = 0;
	n += (uint64_t) L->nfields * (sizeof(zf_field) + FIELD_STRINGS * sizeof(uint64_t));
	n += (uint64_t) L->nrecords * (sizeof(zf_recdef) + RECDEF_STRINGS * sizeof(uint64_t));
	for (int32_t r = 0; r < L->nrecords; r++)
		*nwhens += L->records[r].nwhen;
	n += (uint64_t) *nwhens * (sizeof(zf_when) + sizeof(uint64_t));
	return n;
}

/* Bytes of the strings and values of L. */
static uint64_t
strings_size(const zf_layout *L)
{
	uint64_t	n = 0;
	const char *s[FIELD_STRINGS];

	for (int32_t i = 0; i < L->nfields; i++)
	{
		field_strings(&L->fields[i], s);
		for (int k = 0; k < FIELD_STRINGS; k++)
			n += s[k] ? strlen(s[k]) + 1 : 0;
	}
	for (int32_t r = 0; r < L->nrecords; r++)
	{
		const zf_recdef *rd = &L->records[r];

		recdef_strings(rd, s);
		for (int k = 0; k < RECDEF_STRINGS; k++)
			n += s[k] ? strlen(s[k]) + 1 : 0;
		for (int32_t w = 0; w < rd->nwhen; w++)
			n += rd->when[w].length;
	}
	return n;
}

/* Bytes zf_layout_pack writes for L. */
size_t
zf_layout_packed_size(const zf_layout *L)
{
	int32_t		nwhens;

	return (size_t) (structs_size(L, &nwhens) + strings_size(L));
}

/* Write n bytes at the cursor. */
static void
put(pack_cursor *c, const void *data, size_t n)
{
	memcpy(c->p, data, n);
	c->p += n;
}

/* Copy n bytes into the strings area and write their offset. */
static void
put_bytes(pack_cursor *c, const void *data, size_t n)
{
	uint64_t	off = 0;

	if (data != NULL)
	{
		memcpy(c->strings + c->used, data, n);
		off = c->used + 1;
		c->used += n;
	}
	put(c, &off, sizeof(off));
}

/* A string (NULL or NUL-terminated) into the strings area. */
static void
put_string(pack_cursor *c, const char *s)
{
	put_bytes(c, s, s ? strlen(s) + 1 : 0);
}

/* Write L into buf, which has zf_layout_packed_size(L) bytes. */
void
zf_layout_pack(const zf_layout *L, void *buf)
{
	pack_header h;
	pack_cursor c;
	const char *s[FIELD_STRINGS];

	memset(&h, 0, sizeof(h));
	h.magic = PACK_MAGIC;
	h.field_size = sizeof(zf_field);
	h.recdef_size = sizeof(zf_recdef);
	h.when_size = sizeof(zf_when);
	h.source = (int32_t) L->source;
	h.nfields = L->nfields;
	h.nrecords = L->nrecords;
	h.strings = strings_size(L);
	c.p = buf;
	c.strings = (uint8_t *) buf + structs_size(L, &h.nwhens);
	c.size = h.strings;
	c.used = 0;
	c.ok = true;
	put(&c, &h, sizeof(h));
	for (int32_t i = 0; i < L->nfields; i++)
	{
		put(&c, &L->fields[i], sizeof(zf_field));
		field_strings(&L->fields[i], s);
		for (int k = 0; k < FIELD_STRINGS; k++)
			put_string(&c, s[k]);
	}
	for (int32_t r = 0; r < L->nrecords; r++)
	{
		const zf_recdef *rd = &L->records[r];

		put(&c, rd, sizeof(zf_recdef));
		recdef_strings(rd, s);
		for (int k = 0; k < RECDEF_STRINGS; k++)
			put_string(&c, s[k]);
		for (int32_t w = 0; w < rd->nwhen; w++)
		{
			put(&c, &rd->when[w], sizeof(zf_when));
			put_bytes(&c, rd->when[w].value, rd->when[w].length);
		}
	}
}

/* Read n bytes at the cursor. */
static void
get(pack_cursor *c, void *data, size_t n)
{
	memcpy(data, c->p, n);
	c->p += n;
}

/*
 * Read an offset and return where its bytes are in the copied strings:
 * n bytes, or with string a NUL-terminated string; NULL for a null offset.
 * c->ok turns false when they do not lie within the strings.
 */
static const void *
get_bytes(pack_cursor *c, uint64_t n, bool string)
{
	uint64_t	off;

	get(c, &off, sizeof(off));
	if (off == 0)
		return NULL;
	off--;
	if (string ? off >= c->size || memchr(c->strings + off, '\0', c->size - off) == NULL :
		off > c->size || n > c->size - off)
	{
		c->ok = false;
		return NULL;
	}
	return c->strings + off;
}

/* A string at the cursor (see get_bytes). */
static const char *
get_string(pack_cursor *c)
{
	return get_bytes(c, 0, true);
}

/* Report bytes that are not a packed layout; returns NULL. */
static zf_layout *
not_packed(zf_error *err, const char *why)
{
	zf_error_set(err, ZF_E_ARG, "bytes are not a layout packed by this build: %s", why);
	return NULL;
}

/*
 * The layout packed into buf (len bytes) by zf_layout_pack of the same
 * build, in memory of its own (free it with zf_layout_free); NULL with err
 * set when the bytes are not such a layout, or memory runs out.
 */
zf_layout *
zf_layout_unpack(const void *buf, size_t len, zf_error *err)
{
	pack_header h;
	pack_cursor c;
	zf_layout  *L;
	zf_field   *fields;
	zf_recdef  *records;
	zf_when    *whens = NULL;
	uint64_t	structs;
	int32_t		w = 0;

	if (len < sizeof(h))
		return not_packed(err, "too short");
	memcpy(&h, buf, sizeof(h));
	if (h.magic != PACK_MAGIC || h.field_size != sizeof(zf_field) ||
		h.recdef_size != sizeof(zf_recdef) || h.when_size != sizeof(zf_when))
		return not_packed(err, "another header");
	if (h.nfields < 0 || h.nrecords < 0 || h.nwhens < 0)
		return not_packed(err, "a negative count");
	structs = sizeof(h) +
		(uint64_t) h.nfields * (sizeof(zf_field) + FIELD_STRINGS * sizeof(uint64_t)) +
		(uint64_t) h.nrecords * (sizeof(zf_recdef) + RECDEF_STRINGS * sizeof(uint64_t)) +
		(uint64_t) h.nwhens * (sizeof(zf_when) + sizeof(uint64_t));
	if (structs > len || h.strings != len - structs)
		return not_packed(err, "another length");

	L = zf_layout_new((zf_source) h.source, err);
	if (L == NULL)
		return NULL;
	zf_layout_set_budget(L, (size_t) h.strings +
						 (size_t) h.nwhens * sizeof(zf_when) + 1024 * 1024);
	c.strings = zf_layout_alloc(L, (size_t) h.strings);
	if (h.nwhens > 0)
		whens = zf_layout_alloc(L, sizeof(zf_when) * (size_t) h.nwhens);
	fields = malloc(sizeof(zf_field) * (size_t) (h.nfields > 0 ? h.nfields : 1));
	records = malloc(sizeof(zf_recdef) * (size_t) (h.nrecords > 0 ? h.nrecords : 1));
	if (c.strings == NULL || (h.nwhens > 0 && whens == NULL) ||
		fields == NULL || records == NULL ||
		!zf_layout_adopt(L, fields, h.nfields, records, h.nrecords))
	{
		free(fields);
		free(records);
		zf_layout_free(L);
		zf_error_set(err, ZF_E_NOMEM, "out of memory unpacking a layout");
		return NULL;
	}
	memcpy(c.strings, (const uint8_t *) buf + structs, (size_t) h.strings);
	c.p = (uint8_t *) buf + sizeof(h);
	c.size = h.strings;
	c.used = 0;
	c.ok = true;
	for (int32_t i = 0; i < h.nfields; i++)
	{
		zf_field   *f = &fields[i];

		get(&c, f, sizeof(zf_field));
		f->name = get_string(&c);
		f->sql_name = get_string(&c);
		f->usage = get_string(&c);
		f->picture = get_string(&c);
		f->date_format = get_string(&c);
	}
	for (int32_t r = 0; r < h.nrecords; r++)
	{
		zf_recdef  *rd = &records[r];

		get(&c, rd, sizeof(zf_recdef));
		rd->name = get_string(&c);
		rd->creator = get_string(&c);
		rd->table = get_string(&c);
		if (rd->nwhen < 0 || rd->nwhen > h.nwhens - w)
		{
			c.ok = false;
			rd->nwhen = 0;
		}
		rd->when = rd->nwhen > 0 ? &whens[w] : NULL;
		for (int32_t k = 0; k < rd->nwhen; k++, w++)
		{
			get(&c, &whens[w], sizeof(zf_when));
			whens[w].value = get_bytes(&c, whens[w].length, false);
		}
	}
	if (!c.ok || w != h.nwhens)
	{
		zf_layout_free(L);
		return not_packed(err, "a string out of bounds");
	}
	return L;
}
