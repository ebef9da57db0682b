/*-------------------------------------------------------------------------
 *
 * s3_xml.c
 *	  The XML an S3 server sends: ListObjectsV2 pages, <Error> documents,
 *	  and the one field zfdw reads of the answers of multipart uploads
 *	  (s3_parse.h).
 *
 * A small well-formedness-checking reader, enough for these documents:
 * elements nest and close in order, text is unescaped (the five named
 * entities and numeric references), the prolog, comments, processing
 * instructions and attributes are skipped.  No DTD, no external entity:
 * a DOCTYPE is refused; nor a NUL byte, which no XML holds.  Anything malformed is ZF_E_BAD_DATA, never a
 * partial listing.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3_parse.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH	16
#define MAX_NAME	64

typedef struct xml_reader
{
	const char *p;
	const char *end;
	/* the open elements, outermost first */
	char		stack[MAX_DEPTH][MAX_NAME];
	int			depth;
	/* text since the last tag, unescaped */
	char	   *text;
	size_t		textlen;
	size_t		textcap;
	bool		oom;
} xml_reader;

typedef enum
{
	TOK_END,
	TOK_OPEN,					/* stack[depth-1] was just opened */
	TOK_CLOSE,					/* the element named in closed was closed */
	TOK_BAD
} xml_token;

/* Append UTF-8 of code point cp to the text. */
static bool
text_add(xml_reader *x, const char *s, size_t n)
{
	if (x->textlen + n + 1 > x->textcap)
	{
		size_t		cap = x->textcap ? x->textcap * 2 : 256;
		char	   *np;

		while (cap < x->textlen + n + 1)
			cap *= 2;
		np = realloc(x->text, cap);
		if (np == NULL)
		{
			x->oom = true;
			return false;
		}
		x->text = np;
		x->textcap = cap;
	}
	memcpy(x->text + x->textlen, s, n);
	x->textlen += n;
	x->text[x->textlen] = '\0';
	return true;
}

static bool
text_add_cp(xml_reader *x, unsigned long cp)
{
	char		b[4];
	size_t		n;

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	if (cp < 0x80)
	{
		b[0] = (char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		b[0] = (char) (0xC0 | (cp >> 6));
		b[1] = (char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		b[0] = (char) (0xE0 | (cp >> 12));
		b[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		b[0] = (char) (0xF0 | (cp >> 18));
		b[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	return text_add(x, b, n);
}

/* An entity reference at x->p ('&'): append what it stands for. */
static bool
entity(xml_reader *x)
{
	static const struct
	{
		const char *name;
		char		c;
	}			named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'},
	{"quot;", '"'}, {"apos;", '\''}};
	const char *p = x->p + 1;
	size_t		left = (size_t) (x->end - p);

	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
	{
		size_t		n = strlen(named[i].name);

		if (left >= n && memcmp(p, named[i].name, n) == 0)
		{
			x->p = p + n;
			return text_add(x, &named[i].c, 1);
		}
	}
	if (left >= 3 && *p == '#')
	{
		unsigned long cp = 0;
		bool		hex = (p[1] == 'x');
		const char *q = p + (hex ? 2 : 1);
		int			digits = 0;

		for (; q < x->end && *q != ';'; q++, digits++)
		{
			int			d;

			if (*q >= '0' && *q <= '9')
				d = *q - '0';
			else if (hex && *q >= 'a' && *q <= 'f')
				d = *q - 'a' + 10;
			else if (hex && *q >= 'A' && *q <= 'F')
				d = *q - 'A' + 10;
			else
				return false;
			if (digits >= 8)
				return false;
			cp = cp * (hex ? 16 : 10) + (unsigned long) d;
		}
		if (q >= x->end || digits == 0)
			return false;
		x->p = q + 1;
		return text_add_cp(x, cp);
	}
	return false;
}

/* Skip past the string stop; false when it never comes. */
static bool
skip_past(xml_reader *x, const char *stop)
{
	size_t		n = strlen(stop);

	for (; x->p + n <= x->end; x->p++)
		if (memcmp(x->p, stop, n) == 0)
		{
			x->p += n;
			return true;
		}
	return false;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':';
}

/*
 * The next element boundary.  Text before it is collected into x->text
 * (reset at every open tag).  For TOK_CLOSE, closed gets the name.
 */
static xml_token
next_token(xml_reader *x, char *closed)
{
	while (x->p < x->end)
	{
		if (*x->p == '&')
		{
			if (!entity(x))
				return TOK_BAD;
			continue;
		}
		if (*x->p != '<')
		{
			const char *s = x->p;

			while (x->p < x->end && *x->p != '<' && *x->p != '&')
			{
				if (*x->p == '\0')
					return TOK_BAD;	/* not XML; and it would cut a key short */
				x->p++;
			}
			if (x->depth == 0)
			{
				/* only blanks outside the root */
				for (const char *c = s; c < x->p; c++)
					if (*c != ' ' && *c != '\n' && *c != '\r' && *c != '\t')
						return TOK_BAD;
			}
			else if (!text_add(x, s, (size_t) (x->p - s)))
				return TOK_BAD;
			continue;
		}
		/* a tag */
		if (x->end - x->p >= 4 && memcmp(x->p, "<!--", 4) == 0)
		{
			x->p += 4;
			if (!skip_past(x, "-->"))
				return TOK_BAD;
			continue;
		}
		if (x->end - x->p >= 9 && memcmp(x->p, "<![CDATA[", 9) == 0)
		{
			const char *s = x->p + 9;

			x->p = s;
			if (x->depth == 0 || !skip_past(x, "]]>") ||
				!text_add(x, s, (size_t) (x->p - 3 - s)))
				return TOK_BAD;
			continue;
		}
		if (x->end - x->p >= 2 && x->p[1] == '!')
			return TOK_BAD;		/* a DOCTYPE or other declaration */
		if (x->end - x->p >= 2 && x->p[1] == '?')
		{
			x->p += 2;
			if (!skip_past(x, "?>"))
				return TOK_BAD;
			continue;
		}
		{
			bool		closing = false;
			const char *n;
			size_t		nlen;
			bool		empty = false;

			x->p++;
			if (x->p < x->end && *x->p == '/')
			{
				closing = true;
				x->p++;
			}
			n = x->p;
			while (x->p < x->end && name_char(*x->p))
				x->p++;
			nlen = (size_t) (x->p - n);
			if (nlen == 0 || nlen >= MAX_NAME)
				return TOK_BAD;
			/* attributes (skipped, quotes respected) up to '>' */
			while (x->p < x->end && *x->p != '>')
			{
				if (*x->p == '"' || *x->p == '\'')
				{
					char		q = *x->p++;

					while (x->p < x->end && *x->p != q)
						x->p++;
					if (x->p >= x->end)
						return TOK_BAD;
				}
				else if (*x->p == '<')
					return TOK_BAD;
				x->p++;
			}
			if (x->p >= x->end)
				return TOK_BAD;
			empty = x->p[-1] == '/';
			x->p++;				/* '>' */
			if (closing)
			{
				if (empty || x->depth == 0 ||
					strlen(x->stack[x->depth - 1]) != nlen ||
					memcmp(x->stack[x->depth - 1], n, nlen) != 0)
					return TOK_BAD;
				memcpy(closed, n, nlen);
				closed[nlen] = '\0';
				x->depth--;
				return TOK_CLOSE;
			}
			if (x->depth == MAX_DEPTH)
				return TOK_BAD;
			memcpy(x->stack[x->depth], n, nlen);
			x->stack[x->depth][nlen] = '\0';
			x->depth++;
			x->textlen = 0;
			if (x->text)
				x->text[0] = '\0';
			if (empty)
			{
				/* <a/> opens and closes at once: report the close */
				memcpy(closed, n, nlen);
				closed[nlen] = '\0';
				x->depth--;
				return TOK_CLOSE;
			}
			return TOK_OPEN;
		}
	}
	return x->depth == 0 ? TOK_END : TOK_BAD;
}

/* Is the element being closed at depth d (1 = root) named name? */
static bool
parent_is(const xml_reader *x, int d, const char *name)
{
	return x->depth >= d && strcmp(x->stack[d - 1], name) == 0;
}

/* A copy of an optional field; true when none is needed or it was made. */
static bool
dup_optional(char **dst, const char *s)
{
	*dst = s ? strdup(s) : NULL;
	return s == NULL || *dst != NULL;
}

static bool
add_object(zf_s3_listing *out, size_t *cap, const char *key, uint64_t size,
		   const char *etag, const char *last_modified)
{
	zf_s3_object_entry *e;

	if (out->nobjects == *cap)
	{
		size_t		nc = *cap ? *cap * 2 : 64;
		zf_s3_object_entry *np = realloc(out->objects, nc * sizeof(*np));

		if (np == NULL)
			return false;
		out->objects = np;
		*cap = nc;
	}
	e = &out->objects[out->nobjects];
	e->key = strdup(key);
	e->size = size;
	if (e->key == NULL || !dup_optional(&e->etag, etag) ||
		!dup_optional(&e->last_modified, last_modified))
	{
		free(e->key);
		free(e->etag);
		return false;
	}
	out->nobjects++;
	return true;
}

/* A decimal size, strictly. */
static bool
parse_size(const char *s, uint64_t *v)
{
	uint64_t	n = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++)
	{
		if (*s < '0' || *s > '9' || n > (UINT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (uint64_t) (*s - '0');
	}
	*v = n;
	return true;
}

zf_status
zf_s3_parse_listing(const char *xml, size_t len, zf_s3_listing *out,
					zf_error *err)
{
	xml_reader	x;
	char		closed[MAX_NAME];
	size_t		cap = 0;
	char	   *key = NULL;
	char	   *etag = NULL;
	char	   *modified = NULL;
	bool		have_size = false;
	uint64_t	size = 0;
	bool		root_seen = false;
	const char *why = NULL;
	xml_token	t;

	memset(out, 0, sizeof(*out));
	if (len > ZF_S3_MAX_XML)
		return zf_error_set(err, ZF_E_LIMIT, "object listing of %zu bytes is larger than the %d bytes read",
							len, ZF_S3_MAX_XML);
	memset(&x, 0, sizeof(x));
	x.p = xml;
	x.end = xml + len;
	while ((t = next_token(&x, closed)) != TOK_END)
	{
		if (t == TOK_BAD)
		{
			why = x.oom ? "out of memory" : "malformed XML";
			break;
		}
		if (t == TOK_OPEN)
		{
			if (x.depth == 1)
			{
				if (root_seen || strcmp(x.stack[0], "ListBucketResult") != 0)
				{
					why = "not a ListBucketResult document";
					break;
				}
				root_seen = true;
			}
			if (x.depth == 2 && strcmp(x.stack[1], "Contents") == 0)
			{
				free(key);
				free(etag);
				free(modified);
				key = etag = modified = NULL;
				have_size = false;
			}
			continue;
		}
		/* a close: x.depth is the parent's depth */
		if (x.depth == 2 && parent_is(&x, 2, "Contents"))
		{
			if (strcmp(closed, "Key") == 0)
			{
				free(key);
				key = strdup(x.text ? x.text : "");
				if (key == NULL)
				{
					why = "out of memory";
					break;
				}
			}
			else if (strcmp(closed, "ETag") == 0 ||
					 strcmp(closed, "LastModified") == 0)
			{
				char	  **dst = closed[0] == 'E' ? &etag : &modified;

				free(*dst);
				*dst = strdup(x.text ? x.text : "");
				if (*dst == NULL)
				{
					why = "out of memory";
					break;
				}
			}
			else if (strcmp(closed, "Size") == 0)
			{
				if (!parse_size(x.text ? x.text : "", &size))
				{
					why = "an object's Size is not a number";
					break;
				}
				have_size = true;
			}
		}
		else if (x.depth == 1 && strcmp(closed, "Contents") == 0)
		{
			if (key == NULL || !have_size)
			{
				why = "an object entry lacks its Key or Size";
				break;
			}
			if (!add_object(out, &cap, key, size, etag, modified))
			{
				why = "out of memory";
				break;
			}
			free(key);
			free(etag);
			free(modified);
			key = etag = modified = NULL;
		}
		else if (x.depth == 1 && strcmp(closed, "IsTruncated") == 0)
		{
			if (x.text && strcmp(x.text, "true") == 0)
				out->truncated = true;
			else if (x.text && strcmp(x.text, "false") == 0)
				out->truncated = false;
			else
			{
				why = "IsTruncated is neither true nor false";
				break;
			}
		}
		else if (x.depth == 1 && strcmp(closed, "NextContinuationToken") == 0)
		{
			free(out->next_token);
			out->next_token = strdup(x.text ? x.text : "");
			if (out->next_token == NULL)
			{
				why = "out of memory";
				break;
			}
		}
		/* x.depth == 0: the root closed; only blanks and comments may follow */
	}
	if (why == NULL && !root_seen)
		why = "not a ListBucketResult document";
	if (why == NULL && out->truncated &&
		(out->next_token == NULL || out->next_token[0] == '\0'))
		why = "a truncated listing has no NextContinuationToken";
	free(key);
	free(etag);
	free(modified);
	free(x.text);
	if (why != NULL)
	{
		zf_s3_listing_free(out);
		return zf_error_set(err, x.oom || strcmp(why, "out of memory") == 0 ? ZF_E_NOMEM : ZF_E_BAD_DATA,
							"invalid object listing: %s", why);
	}
	return ZF_OK;
}

void
zf_s3_listing_free(zf_s3_listing *l)
{
	for (size_t i = 0; i < l->nobjects; i++)
	{
		free(l->objects[i].key);
		free(l->objects[i].etag);
		free(l->objects[i].last_modified);
	}
	free(l->objects);
	free(l->next_token);
	memset(l, 0, sizeof(*l));
}

/* Copy s into a fixed buffer, cut to fit. */
static void
copy_cut(char *dst, size_t dstlen, const char *s)
{
	size_t		n = strlen(s);

	if (dstlen == 0)
		return;
	if (n >= dstlen)
		n = dstlen - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

bool
zf_s3_parse_error(const char *xml, size_t len, char *code, size_t codelen,
				  char *message, size_t msglen)
{
	xml_reader	x;
	char		closed[MAX_NAME];
	xml_token	t;
	bool		ok = true;
	bool		root_seen = false;

	copy_cut(code, codelen, "");
	copy_cut(message, msglen, "");
	if (len > ZF_S3_MAX_XML)
		return false;
	memset(&x, 0, sizeof(x));
	x.p = xml;
	x.end = xml + len;
	while ((t = next_token(&x, closed)) != TOK_END)
	{
		if (t == TOK_BAD)
		{
			ok = false;
			break;
		}
		if (t == TOK_OPEN && x.depth == 1)
		{
			if (root_seen || strcmp(x.stack[0], "Error") != 0)
			{
				ok = false;
				break;
			}
			root_seen = true;
		}
		if (t == TOK_CLOSE && x.depth == 1)
		{
			if (strcmp(closed, "Code") == 0)
				copy_cut(code, codelen, x.text ? x.text : "");
			else if (strcmp(closed, "Message") == 0)
				copy_cut(message, msglen, x.text ? x.text : "");
		}
	}
	free(x.text);
	if (!ok || !root_seen)
	{
		copy_cut(code, codelen, "");
		copy_cut(message, msglen, "");
		return false;
	}
	return true;
}

zf_status
zf_s3_parse_field(const char *xml, size_t len, const char *root,
				  const char *field, char *out, size_t outlen, zf_error *err)
{
	xml_reader	x;
	char		closed[MAX_NAME];
	xml_token	t;
	bool		root_seen = false;
	bool		found = false;
	const char *why = NULL;

	copy_cut(out, outlen, "");
	if (len > ZF_S3_MAX_XML)
		return zf_error_set(err, ZF_E_LIMIT, "S3 answer of %zu bytes is larger than the %d bytes read",
							len, ZF_S3_MAX_XML);
	memset(&x, 0, sizeof(x));
	x.p = xml;
	x.end = xml + len;
	while ((t = next_token(&x, closed)) != TOK_END)
	{
		if (t == TOK_BAD)
		{
			why = x.oom ? "out of memory" : "malformed XML";
			break;
		}
		if (t == TOK_OPEN && x.depth == 1)
		{
			if (root_seen || strcmp(x.stack[0], root) != 0)
			{
				why = "not the document expected";
				break;
			}
			root_seen = true;
		}
		if (t == TOK_CLOSE && x.depth == 1 && strcmp(closed, field) == 0)
		{
			const char *text = x.text ? x.text : "";

			if (found)
			{
				why = "an element is given twice";
				break;
			}
			if (strlen(text) >= outlen)
			{
				why = "an element is too long";
				break;
			}
			copy_cut(out, outlen, text);
			found = true;
		}
	}
	free(x.text);
	if (why == NULL && !root_seen)
		why = "not the document expected";
	if (why == NULL && !found)
		why = "an element is missing";
	if (why != NULL)
	{
		copy_cut(out, outlen, "");
		return zf_error_set(err, strcmp(why, "out of memory") == 0 ? ZF_E_NOMEM : ZF_E_BAD_DATA,
							"invalid S3 answer: %s (%s of %s)", why, field, root);
	}
	return ZF_OK;
}
