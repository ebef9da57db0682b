/*-------------------------------------------------------------------------
 *
 * copybook.c
 *	  COBOL copybook parser: data description entries into a zf_layout.
 *
 * Three passes over the text:
 *	 1. entries: the tokens of every data description entry are checked
 *		against the syntax IBM Enterprise COBOL accepts and kept with
 *		their source positions (88-level entries are checked and dropped);
 *	 2. tree: level numbers nest the entries into records; each entry
 *		becomes a layout field with its kind, usage and size (USAGE, SIGN
 *		and SYNCHRONIZED inherited from groups as IBM defines);
 *	 3. references: REDEFINES, OCCURS DEPENDING ON and RENAMES names are
 *		resolved, and zf_layout_finish computes offsets.
 * Every error names the line and column of the source, and what was
 * found there.  Nothing is guessed: a construct that IBM COBOL would
 * reject, or that zfdw cannot lay out exactly, is an error.
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/copybook.h"

#include "cobol/cbl_parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- pass 2: the tree of fields ---- */

/* Copy a token into a NUL-terminated buffer. */
static void
tok_str(const cbl_token *t, char *buf, size_t cap)
{
	size_t		n = t->len < cap - 1 ? t->len : cap - 1;

	if (t->kind == CBL_EOF || t->text == NULL)
		n = 0;
	else
		memcpy(buf, t->text, n);
	buf[n] = '\0';
}

/* Remember which entry a field came from. */
static bool
note_field(cb_parser *p, int32_t field, int32_t entry)
{
	if (field >= p->field_entry_cap)
	{
		int32_t		cap = p->field_entry_cap == 0 ? 64 : p->field_entry_cap * 2;
		int32_t    *fe;

		while (cap <= field)
			cap *= 2;
		fe = realloc(p->field_entry, sizeof(int32_t) * (size_t) cap);
		if (fe == NULL)
			return false;
		p->field_entry = fe;
		p->field_entry_cap = cap;
	}
	p->field_entry[field] = entry;
	return true;
}

/*
 * Kind, usage and size of an elementary entry, with what its groups pass
 * down: the usage and picture through zf_field_from_usage (usage.c), the
 * clauses only COBOL has (SIGN, JUSTIFIED, BLANK WHEN ZERO, SYNC) here.
 */
static zf_status
elementary_field(cb_parser *p, cb_entry *e, const cb_frame *up, zf_field *t)
{
	zf_usage	u = e->usage != ZF_USAGE_NONE ? e->usage : up->usage;
	char		sign = e->sign != 0 ? e->sign : up->sign;
	bool		sep = e->sign != 0 ? e->sign_separate : up->sign_separate;
	char		nm[MAX_NAME_CHARS + 1];
	zf_usage_fault fault;
	zf_status	s;

	tok_str(&e->name, nm, sizeof(nm));
	if (e->usage != ZF_USAGE_NONE && up->usage != ZF_USAGE_NONE && e->usage != up->usage)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->usage_pos,
					"USAGE of \"%s\" contradicts the USAGE of its group", nm);

	s = zf_field_from_usage(u, e->has_pic ? &e->picinfo : NULL, 0, p->opts->pic_n_dbcs,
							nm, t, &fault, p->err);
	if (s == ZF_OK)
		zf_field_apply_dialect(t, (zf_dialect) p->opts->dialect);
	if (s != ZF_OK)
	{
		size_t		pos = fault == ZF_USAGE_FAULT_USAGE ? e->usage_pos :
			fault == ZF_USAGE_FAULT_PICTURE ? e->pic.pos : e->pos;
		int			line,
					col;

		zf_cbl_position(&p->lx, pos, &line, &col);
		zf_error_at(p->err, line, col);
		return s;
	}
	if (!zf_usage_takes_picture(u))
	{
		if (e->sign != 0)
			return zf_cbl_error(p, ZF_E_SYNTAX, e->sign_pos, "SIGN clause on a %s item", zf_usage_name(u));
		goto attributes;
	}

	/* SIGN: own clause only on signed display numbers; a group's applies
	 * to the signed display numbers below it */
	if (e->sign != 0 && !(t->kind == ZF_KIND_ZONED && t->is_signed))
		return zf_cbl_error(p, ZF_E_SYNTAX, e->sign_pos,
					"SIGN clause needs a signed numeric DISPLAY item (PICTURE with S)");
	if (t->kind == ZF_KIND_ZONED && t->is_signed)
	{
		/* a trailing overpunch unless the SIGN clause says otherwise */
		if (sign == 'L')
			t->sign = sep ? ZF_SIGN_LEADING_SEPARATE : ZF_SIGN_LEADING;
		else if (sign == 'T' && sep)
			t->sign = ZF_SIGN_TRAILING_SEPARATE;
		if (t->sign == ZF_SIGN_LEADING_SEPARATE || t->sign == ZF_SIGN_TRAILING_SEPARATE)
			t->length += 1;
	}

attributes:
	if (e->justified)
	{
		if (t->kind != ZF_KIND_ALNUM && t->kind != ZF_KIND_DBCS && t->kind != ZF_KIND_NATIONAL)
			return zf_cbl_error(p, ZF_E_SYNTAX, e->attr_pos,
						"JUSTIFIED needs an alphanumeric, DBCS or national item");
		t->justified_right = true;
	}
	if (e->bwz)
	{
		if (t->kind == ZF_KIND_ZONED && !t->is_signed)
			t->kind = ZF_KIND_EDITED;	/* IBM: it becomes numeric-edited */
		else if (t->kind != ZF_KIND_EDITED)
			return zf_cbl_error(p, ZF_E_SYNTAX, e->attr_pos,
						"BLANK WHEN ZERO needs an unsigned numeric DISPLAY or numeric-edited item");
		t->blank_when_zero = true;
	}
	/* IBM passes an 01 group's SYNCHRONIZED down; GnuCOBOL ignores it */
	t->sync = e->sync ||
		(up->sync && (zf_dialect) p->opts->dialect == ZF_DIALECT_IBM);
	return ZF_OK;
}

/* The template of a group entry. */
static zf_status
group_field(cb_parser *p, cb_entry *e, const cb_frame *up, zf_field *t)
{
	char		nm[MAX_NAME_CHARS + 1];
	zf_usage	u = e->usage != ZF_USAGE_NONE ? e->usage : up->usage;

	tok_str(&e->name, nm, sizeof(nm));
	if (e->has_pic)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->pic.pos,
					"group item \"%s\" cannot have a PICTURE clause", nm);
	if (e->usage != ZF_USAGE_NONE && up->usage != ZF_USAGE_NONE && e->usage != up->usage)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->usage_pos,
					"USAGE of \"%s\" contradicts the USAGE of its group", nm);
	if (e->justified || e->bwz)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->attr_pos,
					"JUSTIFIED and BLANK WHEN ZERO apply to elementary items only");
	if (e->sync && e->level != 1)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->attr_pos,
					"SYNCHRONIZED on a group item is allowed only at level 01");
	t->kind = ZF_KIND_GROUP;
	t->usage = zf_usage_name(u);
	return ZF_OK;
}

/* Pass 2: nest the entries by level number and add them to the layout. */
static zf_status
build_tree(cb_parser *p)
{
	cb_frame   *stack = malloc(sizeof(cb_frame) * ((size_t) p->nentries + 2));
	int32_t		sp = 0;
	int32_t		root = -1;
	bool		after_66 = false;
	zf_status	s = ZF_OK;
	char		nm[MAX_NAME_CHARS + 1];
	char		pic[MAX_PIC_CHARS + 1];

	if (stack == NULL)
		return zf_error_set(p->err, ZF_E_NOMEM, "out of memory parsing a copybook");
	for (int32_t i = 0; i < p->nentries && s == ZF_OK; i++)
	{
		cb_entry   *e = &p->entries[i];
		cb_entry   *next = NULL;
		bool		is_group;
		zf_field	t;
		int32_t		parent;
		int32_t		f;

		if (i + 1 < p->nentries)
			next = &p->entries[i + 1];
		is_group = next != NULL && next->level >= 2 && next->level <= 49 &&
			e->level != 66 && e->level != 77 && next->level > e->level;

		memset(&t, 0, sizeof(t));
		t.depending_on = -1;
		t.redefines = -1;
		t.renames_first = -1;
		t.renames_last = -1;
		t.level = (int16_t) e->level;
		tok_str(&e->name, nm, sizeof(nm));
		t.name = nm;
		t.is_filler = e->name.kind == CBL_EOF || strcasecmp(nm, "FILLER") == 0;
		if (e->has_pic)
		{
			tok_str(&e->pic, pic, sizeof(pic));
			t.picture = pic;
		}

		if (e->level == 66)
		{
			if (root < 0)
			{
				s = zf_cbl_error(p, ZF_E_SYNTAX, e->pos, "a 66-level entry must follow the record it renames");
				break;
			}
			t.kind = ZF_KIND_ALNUM;		/* settled when its names are resolved */
			t.usage = "display";
			f = zf_layout_add(p->L, &t, root, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, i))
				goto add_failed;
			e->field = f;
			after_66 = true;
			continue;
		}

		if (e->level == 1 || e->level == 77)
		{
			cb_frame	none;

			memset(&none, 0, sizeof(none));
			if (e->level == 77 && next != NULL && next->level >= 2 && next->level <= 49)
			{
				s = zf_cbl_error(p, ZF_E_SYNTAX, next->pos, "a level-77 item cannot have subordinate items");
				break;
			}
			if (e->has_occurs)
			{
				s = zf_cbl_error(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS is not allowed at level %02d", e->level);
				break;
			}
			s = is_group ? group_field(p, e, &none, &t) : elementary_field(p, e, &none, &t);
			if (s != ZF_OK)
				break;
			f = zf_layout_add(p->L, &t, ZF_NO_FIELD, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, i))
				goto add_failed;
			e->field = f;
			root = f;
			after_66 = false;
			sp = 0;
			stack[sp].level = e->level;
			stack[sp].entry = i;
			stack[sp].field = f;
			stack[sp].last_child = -1;
			stack[sp].usage = e->usage;
			stack[sp].sign = e->sign;
			stack[sp].sign_separate = e->sign_separate;
			stack[sp].sync = e->sync;
			sp++;
			continue;
		}

		/* levels 02-49 */
		if (after_66)
		{
			s = zf_cbl_error(p, ZF_E_SYNTAX, e->pos,
					 "a data item cannot follow the 66-level entries of a record");
			break;
		}
		if (sp > 0 && stack[0].level == 77)
		{
			s = zf_cbl_error(p, ZF_E_SYNTAX, e->pos, "a level-77 item cannot have subordinate items");
			break;
		}
		if (sp == 0)
		{
			/* a copybook that starts below level 01: a record around it */
			zf_field	r;

			memset(&r, 0, sizeof(r));
			r.depending_on = r.redefines = r.renames_first = r.renames_last = -1;
			r.kind = ZF_KIND_GROUP;
			r.usage = "display";
			r.name = "";
			r.is_filler = true;
			f = zf_layout_add(p->L, &r, ZF_NO_FIELD, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, -1))
				goto add_failed;
			p->L->records[p->L->nrecords - 1].name = zf_layout_strdup(p->L, t.is_filler ? "" : nm);
			if (p->L->records[p->L->nrecords - 1].name == NULL)
				goto add_failed;
			root = f;
			memset(&stack[0], 0, sizeof(cb_frame));
			stack[0].level = 0;
			stack[0].entry = -1;
			stack[0].field = f;
			stack[0].last_child = -1;
			sp = 1;
		}
		while (sp > 1 && stack[sp - 1].level >= e->level)
			sp--;
		if (stack[sp - 1].last_child >= 0 &&
			p->L->fields[stack[sp - 1].last_child].level != e->level)
		{
			s = zf_cbl_error(p, ZF_E_SYNTAX, e->pos,
					 "level number %02d does not match the level %02d of the preceding item at this depth",
					 e->level, p->L->fields[stack[sp - 1].last_child].level);
			break;
		}
		parent = stack[sp - 1].field;
		s = is_group ? group_field(p, e, &stack[sp - 1], &t) :
			elementary_field(p, e, &stack[sp - 1], &t);
		if (s != ZF_OK)
			break;
		if (e->has_occurs)
		{
			t.occurs_min = e->occ_min;
			t.occurs_max = e->occ_max;
		}
		f = zf_layout_add(p->L, &t, parent, ZF_NO_OFFSET, p->err);
		if (f < 0 || !note_field(p, f, i))
			goto add_failed;
		e->field = f;
		e->prev_sibling = stack[sp - 1].last_child;
		stack[sp - 1].last_child = f;
		if (is_group)
		{
			cb_frame   *up = &stack[sp - 1];
			cb_frame   *nf = &stack[sp];

			nf->level = e->level;
			nf->entry = i;
			nf->field = f;
			nf->last_child = -1;
			nf->usage = e->usage != ZF_USAGE_NONE ? e->usage : up->usage;
			nf->sign = e->sign != 0 ? e->sign : up->sign;
			nf->sign_separate = e->sign != 0 ? e->sign_separate : up->sign_separate;
			nf->sync = up->sync;
			sp++;
		}
		continue;

add_failed:
		if (f >= 0)
			s = zf_error_set(p->err, ZF_E_NOMEM, "out of memory parsing a copybook");
		else
		{
			int			line,
						col;

			s = p->err ? p->err->status : ZF_E_LIMIT;
			zf_cbl_position(&p->lx, e->pos, &line, &col);
			zf_error_at(p->err, line, col);
		}
		break;
	}
	free(stack);
	return s;
}

/* ---- pass 3: names ---- */

/* True when the token spells the field's name (case-insensitive). */
static bool
tok_names(const cbl_token *t, const zf_field *f)
{
	return strlen(f->name) == t->len && strncasecmp(f->name, t->text, t->len) == 0;
}

/* First and one-past-last field of the record that contains field f. */
static void
record_range(const zf_layout *L, int32_t f, int32_t *first, int32_t *end)
{
	int32_t		root = f;

	while (L->fields[root].parent != ZF_NO_FIELD)
		root = L->fields[root].parent;
	*first = root;
	*end = L->nfields;
	for (int32_t r = 0; r < L->nrecords; r++)
		if (L->records[r].root > root && L->records[r].root < *end)
			*end = L->records[r].root;
}

/* Find a qualified name among fields [first, end); -1 none, -2 several. */
static int32_t
find_qname(const zf_layout *L, const cb_qname *q, int32_t first, int32_t end)
{
	int32_t		found = -1;

	for (int32_t i = first; i < end; i++)
	{
		const zf_field *f = &L->fields[i];
		int			k = 1;

		if (f->is_filler || f->level == 66 || !tok_names(&q->word[0], f))
			continue;
		for (int32_t a = f->parent; a != ZF_NO_FIELD && k < q->n; a = L->fields[a].parent)
			if (!L->fields[a].is_filler && tok_names(&q->word[k], &L->fields[a]))
				k++;
		if (k < q->n)
			continue;
		if (found >= 0)
			return -2;
		found = i;
	}
	return found;
}

/* Resolve a name used by the entry of field f, within its record. */
static zf_status
resolve_qname(cb_parser *p, const cb_qname *q, int32_t f, const char *what,
			  int32_t *out)
{
	int32_t		first;
	int32_t		end;
	int32_t		r;

	record_range(p->L, f, &first, &end);
	r = find_qname(p->L, q, first, end);
	if (r == -2)
		return zf_cbl_error(p, ZF_E_SYNTAX, q->word[0].pos,
					"%s \"%.*s\" is ambiguous; qualify it with OF", what,
					(int) q->word[0].len, q->word[0].text);
	if (r == -1)
	{
		if (find_qname(p->L, q, 0, p->L->nfields) != -1)
			return zf_cbl_error(p, ZF_E_UNSUPPORTED, q->word[0].pos,
						"%s \"%.*s\" is not in the same record", what,
						(int) q->word[0].len, q->word[0].text);
		return zf_cbl_error(p, ZF_E_SYNTAX, q->word[0].pos, "%s \"%.*s\" is not defined", what,
					(int) q->word[0].len, q->word[0].text);
	}
	*out = r;
	return ZF_OK;
}

/* The item a REDEFINES names: the one immediately before at its level. */
static zf_status
resolve_redefines(cb_parser *p, cb_entry *e)
{
	zf_layout  *L = p->L;
	zf_field   *f = &L->fields[e->field];
	int32_t		target = -1;

	if (f->parent == ZF_NO_FIELD)
	{
		/* a record redefines an earlier record */
		for (int32_t r = 0; r < L->nrecords; r++)
		{
			int32_t		root = L->records[r].root;

			if (root < e->field && tok_names(&e->redefines, &L->fields[root]))
				target = root;
		}
	}
	else if (e->prev_sibling >= 0)
	{
		int32_t		ps = e->prev_sibling;
		int32_t		orig = L->fields[ps].redefines >= 0 ? L->fields[ps].redefines : ps;

		if (tok_names(&e->redefines, &L->fields[orig]) ||
			tok_names(&e->redefines, &L->fields[ps]))
			target = orig;
	}
	if (target < 0)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->redefines.pos,
					"REDEFINES \"%.*s\" does not name the item immediately before at the same level",
					(int) e->redefines.len, e->redefines.text);
	L->fields[e->field].redefines = target;
	return ZF_OK;
}

/* A 66-level entry: its range, and its attributes when it renames one
 * elementary item. */
static zf_status
resolve_renames(cb_parser *p, cb_entry *e)
{
	zf_layout  *L = p->L;
	int32_t		a;
	int32_t		b = -1;
	zf_status	s;

	if ((s = resolve_qname(p, &e->renames_a, e->field, "renamed item", &a)) != ZF_OK)
		return s;
	if (e->renames_b.n > 0 &&
		(s = resolve_qname(p, &e->renames_b, e->field, "renamed item", &b)) != ZF_OK)
		return s;
	if (L->fields[a].parent == ZF_NO_FIELD || (b >= 0 && L->fields[b].parent == ZF_NO_FIELD))
		return zf_cbl_error(p, ZF_E_SYNTAX, e->renames_a.word[0].pos,
					"a 66-level entry cannot rename a level-01 record");
	if ((b < 0 || b == a) && L->fields[a].kind != ZF_KIND_GROUP)
	{
		/* one elementary item: the 66 item has its description */
		zf_field   *r = &L->fields[e->field];
		const zf_field *src = &L->fields[a];

		r->kind = src->kind;
		r->usage = src->usage;
		r->picture = src->picture;
		r->digits = src->digits;
		r->scale = src->scale;
		r->is_signed = src->is_signed;
		r->sign = src->sign;
		r->binary_native = src->binary_native;
		r->binary_little = src->binary_little;
		r->justified_right = src->justified_right;
		r->blank_when_zero = src->blank_when_zero;
	}
	L->fields[e->field].renames_first = a;
	L->fields[e->field].renames_last = b;
	return ZF_OK;
}

/* Pass 3: every name an entry refers to. */
static zf_status
resolve_names(cb_parser *p)
{
	zf_status	s;

	for (int32_t i = 0; i < p->nentries; i++)
	{
		cb_entry   *e = &p->entries[i];

		if (e->redefines.kind != CBL_EOF && (s = resolve_redefines(p, e)) != ZF_OK)
			return s;
		if (e->depending.n > 0)
		{
			int32_t		o;

			if ((s = resolve_qname(p, &e->depending, e->field, "OCCURS DEPENDING ON object",
								   &o)) != ZF_OK)
				return s;
			p->L->fields[e->field].depending_on = o;
		}
		if (e->level == 66 && (s = resolve_renames(p, e)) != ZF_OK)
			return s;
	}
	return ZF_OK;
}

/* Put the source position of the field an error is about on the error. */
static void
position_field_error(cb_parser *p, int32_t bad)
{
	int32_t		entry = -1;
	int			line;
	int			col;

	if (bad < 0 || p->err == NULL)
		return;
	entry = p->field_entry[bad];
	if (entry < 0)
	{
		/* an added record: point at its first item */
		int32_t		c = p->L->fields[bad].first_child;

		if (c >= 0)
			entry = p->field_entry[c];
	}
	if (entry < 0)
		return;
	zf_cbl_position(&p->lx, p->entries[entry].pos, &line, &col);
	zf_error_at(p->err, line, col);
}

/* See copybook.h. */
void
zf_copybook_opts_init(zf_copybook_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->format = ZF_FORMAT_AUTO;
	zf_limits_default(&opts->limits);
}

/* See copybook.h. */
zf_layout *
zf_copybook_parse(const char *text, size_t len, const zf_copybook_opts *opts,
				  zf_error *err)
{
	cb_parser	p;
	zf_copybook_opts defopts;
	zf_status	s;
	int32_t		bad = -1;

	if (opts == NULL)
	{
		zf_copybook_opts_init(&defopts);
		opts = &defopts;
	}
	zf_error_clear(err);
	if (len > opts->limits.max_source_bytes)
	{
		zf_error_set(err, ZF_E_LIMIT, "copybook text is %zu bytes, more than the limit of %u",
					 len, opts->limits.max_source_bytes);
		zf_error_limit(err, ZF_LIMIT_SOURCE);
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.opts = opts;
	p.err = err;
	if (zf_cbl_lexer_init(&p.lx, text, len, opts->format, err) != ZF_OK)
	{
		zf_copybook_damage_hint(text, len, err);
		return NULL;
	}
	s = zf_cbl_parse_entries(&p);
	if (s == ZF_OK && p.nentries == 0)
		s = zf_error_set(err, ZF_E_SYNTAX, "copybook has no data description entries");
	if (s == ZF_OK)
	{
		p.L = zf_layout_new(ZF_SOURCE_COPYBOOK, err);
		if (p.L == NULL)
			s = ZF_E_NOMEM;
		else
			zf_layout_set_limits(p.L, &opts->limits);
	}
	if (s == ZF_OK)
		s = build_tree(&p);
	if (s == ZF_OK)
		s = resolve_names(&p);
	if (s == ZF_OK)
	{
		unsigned	flags = 0;

		if (opts->allow_larger_redefines)
			flags |= ZF_FINISH_LARGER_REDEFINES;
		if ((zf_dialect) opts->dialect != ZF_DIALECT_IBM)
			flags |= ZF_FINISH_SYNC_GNUCOBOL;
		s = zf_layout_finish_ex(p.L, &opts->limits, flags, &bad, err);
		if (s != ZF_OK)
			position_field_error(&p, bad);
	}
	zf_cbl_lexer_free(&p.lx);
	free(p.entries);
	free(p.field_entry);
	if (s != ZF_OK)
	{
		zf_copybook_damage_hint(text, len, err);
		zf_layout_free(p.L);
		return NULL;
	}
	return p.L;
}
