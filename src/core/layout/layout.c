/*-------------------------------------------------------------------------
 *
 * layout.c
 *	  The layout model: its memory, the builder that appends fields, and
 *	  the name normalisation shared by every part that looks fields up.
 *
 * A layout owns an arena (base/arena.h) for its strings and for what other
 * builders allocate through zf_layout_alloc, plus two growing arrays: the
 * fields and the record definitions.  The arena's budget follows the
 * layout's limits, so that no copybook or punch makes it grow without
 * bound.  Indices into the arrays are stable; pointers into them are valid
 * only until the next zf_layout_add.  Resolution of offsets and sizes is in
 * layout_finish.c.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_int.h"

#include "base/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* What zf_layout.mem points to. */
typedef struct layout_priv
{
	zf_arena	arena;
	int32_t		field_cap;
	int32_t		record_cap;
	int32_t    *last_child;		/* per field: its last child, for appends */
	zf_limits	limits;
} layout_priv;

/* Defaults: generous for real copybooks and DB2 tables, small enough that a
 * hostile copybook cannot make the backend allocate without bound. */
void
zf_limits_default(zf_limits *lim)
{
	lim->max_record_length = 16 * 1024 * 1024;
	lim->max_fields = 200000;
	lim->max_occurs = 16 * 1024 * 1024;
	lim->max_depth = 10000;
	lim->max_source_bytes = 16 * 1024 * 1024;
}

/*
 * The byte budget of a layout's arena under limits lim.  The arena holds
 * the strings of the fields (at most five each, copied from the source
 * text or short canonical names, each rounded up to 16 bytes) and what
 * the parsers keep there (record names, WHEN values, all from the source),
 * so four times the source plus 128 bytes a field is never reached by a
 * layout within its limits.
 */
static size_t
layout_budget(const zf_limits *lim)
{
	uint64_t	budget = (uint64_t) 1024 * 1024 +
		(uint64_t) lim->max_source_bytes * 4 +
		(uint64_t) lim->max_fields * 128;

	return budget > SIZE_MAX ? SIZE_MAX : (size_t) budget;
}

/* Create an empty layout. */
zf_layout *
zf_layout_new(zf_source source, zf_error *err)
{
	zf_layout  *L = calloc(1, sizeof(zf_layout));
	layout_priv *priv = calloc(1, sizeof(layout_priv));

	if (L == NULL || priv == NULL)
	{
		free(L);
		free(priv);
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a layout");
		return NULL;
	}
	L->source = source;
	L->mem = priv;
	zf_limits_default(&priv->limits);
	zf_arena_init(&priv->arena, layout_budget(&priv->limits));
	return L;
}

/* Set the limits zf_layout_add checks, and the budget they give. */
void
zf_layout_set_limits(zf_layout *L, const zf_limits *lim)
{
	layout_priv *priv = L->mem;

	priv->limits = *lim;
	zf_arena_set_limit(&priv->arena, layout_budget(lim));
}

/* Set the budget of the layout's memory (layout_pack.c sizes its own). */
void
zf_layout_set_budget(zf_layout *L, size_t bytes)
{
	layout_priv *priv = L->mem;

	zf_arena_set_limit(&priv->arena, bytes);
}

/*
 * Make malloc'd arrays of fields and record definitions the own of an
 * empty layout (layout_pack.c), with what zf_layout_add needs to append
 * to them: the last child of every field.
 */
bool
zf_layout_adopt(zf_layout *L, zf_field *fields, int32_t nfields,
				zf_recdef *records, int32_t nrecords)
{
	layout_priv *priv = L->mem;
	int32_t    *last_child = malloc(sizeof(int32_t) * (size_t) (nfields > 0 ? nfields : 1));

	if (last_child == NULL)
		return false;
	for (int32_t i = 0; i < nfields; i++)
	{
		last_child[i] = ZF_NO_FIELD;
		if (fields[i].parent >= 0 && fields[i].parent < i)
			last_child[fields[i].parent] = i;
	}
	free(L->fields);
	free(L->records);
	free(priv->last_child);
	L->fields = fields;
	L->nfields = nfields;
	L->records = records;
	L->nrecords = nrecords;
	priv->last_child = last_child;
	priv->field_cap = nfields;
	priv->record_cap = nrecords;
	return true;
}

/*
 * Allocate zeroed memory that lives as long as the layout; NULL when out
 * of memory or of the layout's budget.
 */
void *
zf_layout_alloc(zf_layout *L, size_t size)
{
	layout_priv *priv = L->mem;

	return zf_arena_alloc(&priv->arena, size);
}

/* Copy a string into the layout's memory; NULL stays NULL. */
const char *
zf_layout_strdup(zf_layout *L, const char *s)
{
	layout_priv *priv = L->mem;

	if (s == NULL)
		return NULL;
	return zf_arena_strdup(&priv->arena, s);
}

/* Free a layout and everything it owns. */
void
zf_layout_free(zf_layout *L)
{
	layout_priv *priv;

	if (L == NULL)
		return;
	priv = L->mem;
	if (priv != NULL)
	{
		zf_arena_free(&priv->arena);
		free(priv->last_child);
		free(priv);
	}
	free(L->fields);
	free(L->records);
	free(L);
}

/*
 * Normalise a COBOL or DB2 name for SQL: lower case, '-' as '_'.  Always
 * NUL-terminates when cap > 0; a longer name is cut.
 */
void
zf_sql_name(const char *name, char *dst, size_t cap)
{
	size_t		i;

	if (cap == 0)
		return;
	for (i = 0; name[i] != '\0' && i + 1 < cap; i++)
	{
		unsigned char c = (unsigned char) name[i];

		dst[i] = (c == '-') ? '_' : (char) tolower(c);
	}
	dst[i] = '\0';
}

/* COBOL names compare case-insensitively, and we let '-' match '_' so that
 * SQL spellings find COBOL fields. */
bool
zf_name_equal(const char *a, const char *b)
{
	for (;; a++, b++)
	{
		int			ca = tolower((unsigned char) *a);
		int			cb = tolower((unsigned char) *b);

		if (ca == '-')
			ca = '_';
		if (cb == '-')
			cb = '_';
		if (ca != cb)
			return false;
		if (ca == '\0')
			return true;
	}
}

/* Grow the field arrays so that one more field fits. */
static bool
grow_fields(zf_layout *L, layout_priv *priv)
{
	int32_t		cap;
	zf_field   *f;
	int32_t    *lc;

	if (L->nfields < priv->field_cap)
		return true;
	cap = priv->field_cap == 0 ? 64 : priv->field_cap * 2;
	f = realloc(L->fields, sizeof(zf_field) * (size_t) cap);
	if (f == NULL)
		return false;
	L->fields = f;
	lc = realloc(priv->last_child, sizeof(int32_t) * (size_t) cap);
	if (lc == NULL)
		return false;
	priv->last_child = lc;
	priv->field_cap = cap;
	return true;
}

/* Start a record definition rooted at field root. */
static bool
add_record(zf_layout *L, layout_priv *priv, int32_t root)
{
	zf_recdef  *rd;

	if (L->nrecords == priv->record_cap)
	{
		int32_t		cap = priv->record_cap == 0 ? 4 : priv->record_cap * 2;
		zf_recdef  *r = realloc(L->records, sizeof(zf_recdef) * (size_t) cap);

		if (r == NULL)
			return false;
		L->records = r;
		priv->record_cap = cap;
	}
	rd = &L->records[L->nrecords];
	memset(rd, 0, sizeof(*rd));
	rd->root = root;
	rd->name = L->fields[root].name;
	rd->is_static = true;
	rd->float_format = ZF_FLOAT_HFP;
	L->nrecords++;
	return true;
}

/* A field named FILLER, or with no name, is a filler. */
static bool
is_filler_name(const char *name)
{
	return name == NULL || name[0] == '\0' || zf_name_equal(name, "FILLER");
}

/*
 * Append a field; see layout.h.  Strings of the template are copied into
 * the layout.  Checks the field, depth and occurrence limits.
 */
int32_t
zf_layout_add(zf_layout *L, const zf_field *tmpl, int32_t parent,
			  uint32_t explicit_offset, zf_error *err)
{
	layout_priv *priv = L->mem;
	zf_field   *f;
	int32_t		idx;
	char		sqlbuf[256];
	int			depth = 0;

	if (parent != ZF_NO_FIELD)
	{
		if (parent < 0 || parent >= L->nfields)
		{
			zf_error_set(err, ZF_E_ARG, "parent field %d does not exist", parent);
			return -1;
		}
		if (L->fields[parent].kind != ZF_KIND_GROUP)
		{
			zf_error_set(err, ZF_E_ARG, "field \"%s\" is not a group and cannot have subordinate items",
						 L->fields[parent].name);
			return -1;
		}
		depth = L->fields[parent].depth + 1;
	}
	if ((uint32_t) L->nfields >= priv->limits.max_fields)
	{
		zf_error_set(err, ZF_E_LIMIT, "layout has more than %u fields",
					 priv->limits.max_fields);
		zf_error_limit(err, ZF_LIMIT_FIELDS);
		return -1;
	}
	if ((uint32_t) depth > priv->limits.max_depth)
	{
		zf_error_set(err, ZF_E_LIMIT, "field \"%s\" is nested more than %u levels deep",
					 tmpl->name ? tmpl->name : "", priv->limits.max_depth);
		return -1;
	}
	if (tmpl->occurs_max > priv->limits.max_occurs)
	{
		zf_error_set(err, ZF_E_LIMIT, "field \"%s\" occurs %u times, more than the limit of %u",
					 tmpl->name ? tmpl->name : "", tmpl->occurs_max,
					 priv->limits.max_occurs);
		zf_error_limit(err, ZF_LIMIT_OCCURS);
		return -1;
	}
	if (!grow_fields(L, priv))
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory for layout fields");
		return -1;
	}

	idx = L->nfields;
	f = &L->fields[idx];
	*f = *tmpl;
	f->name = zf_layout_strdup(L, tmpl->name ? tmpl->name : "");
	f->is_filler = tmpl->is_filler || is_filler_name(tmpl->name);
	/* from the template: the copy is NULL when the budget refused it */
	zf_sql_name(f->is_filler || tmpl->name == NULL ? "" : tmpl->name,
				sqlbuf, sizeof(sqlbuf));
	f->sql_name = zf_layout_strdup(L, sqlbuf);
	f->usage = zf_layout_strdup(L, tmpl->usage);
	f->picture = zf_layout_strdup(L, tmpl->picture);
	f->date_format = zf_layout_strdup(L, tmpl->date_format);
	if (f->name == NULL || f->sql_name == NULL ||
		(tmpl->usage && f->usage == NULL) ||
		(tmpl->picture && f->picture == NULL) ||
		(tmpl->date_format && f->date_format == NULL))
	{
		if (priv->arena.over_budget)
			zf_error_set(err, ZF_E_LIMIT, "layout needs more memory than its budget of %zu bytes",
						 priv->arena.limit);
		else
			zf_error_set(err, ZF_E_NOMEM, "out of memory for layout strings");
		return -1;
	}
	f->parent = parent;
	f->first_child = ZF_NO_FIELD;
	f->next_sibling = ZF_NO_FIELD;
	f->depth = (int16_t) (depth > INT16_MAX ? INT16_MAX : depth);
	f->variable = false;
	if (explicit_offset != ZF_NO_OFFSET)
	{
		f->offset = explicit_offset;
		f->fixed_offset = true;
	}
	else
	{
		f->offset = 0;
		f->fixed_offset = false;
	}
	priv->last_child[idx] = ZF_NO_FIELD;
	L->nfields++;

	if (parent == ZF_NO_FIELD)
	{
		if (!add_record(L, priv, idx))
		{
			L->nfields--;
			zf_error_set(err, ZF_E_NOMEM, "out of memory for record definitions");
			return -1;
		}
	}
	else
	{
		int32_t		last = priv->last_child[parent];

		if (last == ZF_NO_FIELD)
			L->fields[parent].first_child = idx;
		else
			L->fields[last].next_sibling = idx;
		priv->last_child[parent] = idx;
	}
	return idx;
}
