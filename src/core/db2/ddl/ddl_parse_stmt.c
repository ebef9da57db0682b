/*-------------------------------------------------------------------------
 *
 * ddl_parse_stmt.c
 *	  DB2 for z/OS DDL statements other than CREATE TABLE: CREATE INDEX,
 *	  VIEW, ALIAS/SYNONYM, SEQUENCE, distinct TYPE; ALTER TABLE; COMMENT ON
 *	  and LABEL ON; SET CURRENT SQLID/SCHEMA; DROP; RENAME.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"
#include "db2/ddl/ddl_parse.h"

#include <string.h>

/* Start a statement of a kind: allocate its payload. */
static void *
stmt_payload(ddl_cur *c, ddl_st kind, const char *kind_text, size_t size)
{
	void	   *p = ddl_alloc(&c->s->arena, size);

	c->stmt->kind = kind;
	c->stmt->kind_text = kind_text;
	return p;
}

/* ---------------------------------------------------------------------
 * CREATE INDEX
 * ---------------------------------------------------------------------
 */

/* One key: a column [ASC|DESC|RANDOM] or an expression. */
static zf_status
index_key(ddl_cur *c, ddl_index *ix, int end)
{
	ddl_index_key *k;
	int			last = end;

	if (c->pos + 3 == end && cur_is(c, "BUSINESS_TIME WITHOUT OVERLAPS"))
	{
		ix->without_overlaps = true;
		c->pos = end;
		return ZF_OK;
	}
	k = ddl_push(&c->s->arena, (void **) &ix->keys, &ix->nkeys, &ix->capkeys,
				 sizeof(ddl_index_key));
	if (k == NULL)
		return cur_nomem(c);
	if (end - 1 > c->pos)
	{
		const ddl_token *t = &c->toks[end - 1];

		if (tok_is(t, "ASC"))
			last = end - 1;
		else if (tok_is(t, "DESC"))
			last = end - 1, k->desc = true;
		else if (tok_is(t, "RANDOM"))
			last = end - 1, k->random = true;
	}
	if (last == c->pos)
		return cur_error(c, "an index key");
	if (last == c->pos + 1 && tok_is_ident(&c->toks[c->pos]))
		k->col = c->toks[c->pos].text;
	k->expr.first = c->pos;
	k->expr.end = last;
	c->pos = end;
	return ZF_OK;
}

/* CREATE [TYPE n] [UNIQUE [WHERE NOT NULL]] INDEX name ON table (keys) [clauses] */
zf_status
ddl_parse_create_index(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_index  *ix = stmt_payload(c, ST_CREATE_INDEX, "CREATE INDEX", sizeof(ddl_index));
	zf_status	st;
	int			type_at = -1;

	(void) ps;
	if (ix == NULL)
		return cur_nomem(c);
	c->stmt->u.index = ix;
	c->pos++;					/* CREATE */
	for (;;)
	{
		if (tok_is(cur_tok(c, 0), "TYPE") && cur_tok(c, 1)->kind == TK_NUMBER)
		{
			type_at = c->pos;
			c->pos += 2;
		}
		else if (cur_accept(c, "UNIQUE"))
		{
			ix->unique = true;
			if (cur_accept(c, "WHERE NOT NULL"))
				ix->where_not_null = true;
		}
		else
			break;
	}
	if (type_at >= 0)
		ix->type_text = ddl_range_text(c->s, type_at, type_at + 2);
	if ((st = cur_expect(c, "INDEX")) != ZF_OK ||
		(st = cur_qname(c, &ix->name)) != ZF_OK ||
		(st = cur_expect(c, "ON")) != ZF_OK ||
		(st = cur_qname(c, &ix->table)) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &ix->name);
	ddl_note_creator(c->s, ix->table.qual);

	if (tok_punct(cur_tok(c, 0), "("))
	{
		int			gend = cur_group_end(c);

		c->pos++;
		while (c->pos < gend)
		{
			int			e = c->pos;
			int			depth = 0;

			for (; e < gend; e++)
			{
				if (tok_punct(&c->toks[e], "("))
					depth++;
				else if (tok_punct(&c->toks[e], ")"))
					depth--;
				else if (depth == 0 && tok_punct(&c->toks[e], ","))
					break;
			}
			if ((st = index_key(c, ix, e)) != ZF_OK)
				return st;
			if (ix->nkeys > 64)
				return cur_error(c, "at most 64 index keys");
			c->pos = e < gend ? e + 1 : gend;
		}
		c->pos = gend + 1;
	}
	else
		ix->aux = true;

	while (!cur_at_end(c))
	{
		ddl_clause	cl;

		st = ZF_OK;
		if (cur_accept(c, "INCLUDE"))
		{
			if (tok_punct(cur_tok(c, 0), "("))
				st = cur_name_list(c, &ix->ninclude, &ix->include, false);
			else
				return cur_error(c, "\"(\"");
		}
		else if (cur_accept(c, "NOT CLUSTER"))
			;
		else if (cur_accept(c, "CLUSTER"))
		{
			ix->cluster = true;
			if (tok_punct(cur_tok(c, 0), "("))
			{
				ix->index_parts.first = c->pos;
				st = cur_skip_group(c);
				ix->index_parts.end = c->pos;
			}
		}
		else if (tok_punct(cur_tok(c, 0), "("))
		{
			ix->index_parts.first = c->pos;
			st = cur_skip_group(c);
			ix->index_parts.end = c->pos;
		}
		else if (cur_accept(c, "PARTITIONED"))
			ix->partitioned = true;
		else if (cur_is(c, "PARTITION BY"))
		{
			ix->index_parts.first = c->pos;
			c->pos += 2;
			cur_accept(c, "RANGE");
			if (tok_punct(cur_tok(c, 0), "("))
				st = cur_skip_group(c);
			ix->index_parts.end = c->pos;
		}
		else if (cur_accept(c, "EXCLUDE NULL KEYS"))
			ix->exclude_null_keys = true;
		else if (cur_accept(c, "GENERATE KEY USING XMLPATTERN"))
		{
			/* the pattern, AS SQL type: all of it belongs to the XML index */
			ix->xml_pattern = true;
			while (!cur_at_end(c) && !ddl_clause_starts(c, CTX_INDEX))
			{
				if (tok_punct(cur_tok(c, 0), "("))
					st = cur_skip_group(c);
				else
					c->pos++;
			}
		}
		else if (ddl_match_clause(c, CTX_INDEX, &cl))
			st = ddl_add_clause(c, &ix->clauses, &cl);
		else if ((st = ddl_skip_unknown(c, CTX_INDEX, &cl)) == ZF_OK)
			st = ddl_add_clause(c, &ix->clauses, &cl);
		if (st != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * CREATE VIEW, ALIAS, SYNONYM
 * ---------------------------------------------------------------------
 */

/* CREATE VIEW name [(columns)] AS fullselect [WITH [CASCADED | LOCAL] CHECK OPTION] */
zf_status
ddl_parse_create_view(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_view   *v = stmt_payload(c, ST_CREATE_VIEW, "CREATE VIEW", sizeof(ddl_view));
	zf_status	st;
	int			end = c->end;

	(void) ps;
	if (v == NULL)
		return cur_nomem(c);
	c->stmt->u.view = v;
	c->pos += 2;
	if ((st = cur_qname(c, &v->name)) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &v->name);
	ddl_note_creator(c->s, v->name.qual);
	if (tok_punct(cur_tok(c, 0), "(") &&
		(st = cur_name_list(c, &v->ncols, &v->cols, false)) != ZF_OK)
		return st;
	if ((st = cur_expect(c, "AS")) != ZF_OK)
		return st;

	/* WITH [CASCADED | LOCAL] CHECK OPTION at the very end */
	if (end - c->pos >= 3 && tok_is(&c->toks[end - 1], "OPTION") &&
		tok_is(&c->toks[end - 2], "CHECK"))
	{
		if (tok_is(&c->toks[end - 3], "WITH"))
			v->check_option = "CASCADED", end -= 3;
		else if (end - c->pos >= 4 && tok_is(&c->toks[end - 4], "WITH") &&
				 (tok_is(&c->toks[end - 3], "CASCADED") || tok_is(&c->toks[end - 3], "LOCAL")))
			v->check_option = c->toks[end - 3].text, end -= 4;
	}
	if (end <= c->pos)
		return cur_error(c, "a fullselect");
	v->body.first = c->pos;
	v->body.end = end;
	c->pos = c->end;
	return ZF_OK;
}

/* CREATE [PUBLIC] ALIAS name FOR [TABLE | SEQUENCE] target, CREATE SYNONYM name FOR table */
zf_status
ddl_parse_create_alias(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_alias  *a = stmt_payload(c, ST_CREATE_ALIAS, "CREATE ALIAS", sizeof(ddl_alias));
	zf_status	st;

	(void) ps;
	if (a == NULL)
		return cur_nomem(c);
	c->stmt->u.alias = a;
	c->pos++;
	if (cur_accept(c, "SYNONYM"))
	{
		a->synonym = true;
		c->stmt->kind_text = "CREATE SYNONYM";
	}
	else
	{
		cur_accept(c, "PUBLIC");
		c->pos++;				/* ALIAS */
	}
	if ((st = cur_qname(c, &a->name)) != ZF_OK || (st = cur_expect(c, "FOR")) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &a->name);
	if (cur_accept(c, "SEQUENCE"))
		a->sequence = true;
	else
		cur_accept(c, "TABLE");
	if ((st = cur_qname(c, &a->target)) != ZF_OK)
		return st;
	ddl_note_creator(c->s, a->name.qual);
	ddl_note_creator(c->s, a->target.qual);
	if (!cur_at_end(c))
		return cur_error(c, "the end of the statement");
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * CREATE SEQUENCE, CREATE [DISTINCT] TYPE
 * ---------------------------------------------------------------------
 */

/* CREATE SEQUENCE name [AS type] [options] */
zf_status
ddl_parse_create_sequence(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_sequence *sq = stmt_payload(c, ST_CREATE_SEQUENCE, "CREATE SEQUENCE",
									sizeof(ddl_sequence));
	zf_status	st;

	(void) ps;
	if (sq == NULL)
		return cur_nomem(c);
	c->stmt->u.sequence = sq;
	c->pos += 2;
	if ((st = cur_qname(c, &sq->name)) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &sq->name);
	ddl_note_creator(c->s, sq->name.qual);
	while (!cur_at_end(c))
	{
		ddl_clause	cl;

		if (cur_accept(c, "AS"))
		{
			if ((st = ddl_parse_type(c, &sq->as_type)) != ZF_OK)
				return st;
			sq->has_type = true;
			continue;
		}
		if ((st = ddl_parse_seqopts(c, &sq->seq, false)) != ZF_OK)
			return st;
		if (cur_at_end(c))
			break;
		if (cur_is(c, "AS"))
			continue;
		if ((st = ddl_skip_unknown(c, CTX_SEQUENCE, &cl)) != ZF_OK ||
			(st = ddl_add_clause(c, &sq->clauses, &cl)) != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/*
 * CREATE [DISTINCT] TYPE name AS source-type [WITH COMPARISONS] ...
 * Other kinds of types return ZF_E_UNSUPPORTED (the caller treats the
 * statement as unknown).
 */
zf_status
ddl_parse_create_type(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_dtype  *dt = ddl_alloc(&c->s->arena, sizeof(ddl_dtype));
	const char *key;
	zf_status	st;

	(void) ps;
	if (dt == NULL)
		return cur_nomem(c);
	c->pos++;
	cur_accept(c, "DISTINCT");
	c->pos++;					/* TYPE */
	if ((st = cur_qname(c, &dt->name)) != ZF_OK)
		return st;
	if (!cur_accept(c, "AS") || tok_punct(cur_tok(c, 0), "("))
		return ZF_E_UNSUPPORTED;
	c->stmt->kind = ST_CREATE_TYPE;
	c->stmt->kind_text = "CREATE TYPE";
	c->stmt->u.dtype = dt;
	c->stmt->object = ddl_name_text(c->s, &dt->name);
	ddl_note_creator(c->s, dt->name.qual);
	if ((st = ddl_parse_type(c, &dt->base)) != ZF_OK)
		return st;
	while (!cur_at_end(c))
	{
		ddl_clause	cl;

		if (cur_accept(c, "WITH COMPARISONS"))
			continue;
		if (cur_accept(c, "FOR SBCS DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_SBCS;
		else if (cur_accept(c, "FOR MIXED DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_MIXED;
		else if (cur_accept(c, "FOR BIT DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_BIT;
		else if ((st = ddl_skip_unknown(c, CTX_SEQUENCE, &cl)) != ZF_OK ||
				 (st = ddl_add_clause(c, &dt->clauses, &cl)) != ZF_OK)
			return st;
	}
	key = ddl_model_key(&c->s->arena, dt->name.qual ? dt->name.qual :
						c->stmt->default_qual, dt->name.name);
	if (key == NULL || !ddl_map_put(&c->s->type_map, key, dt))
		return cur_nomem(c);
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * ALTER TABLE
 * ---------------------------------------------------------------------
 */

/* Index of the next top-level ADD/ALTER/DROP/... (the next action). */
static int
next_action(const ddl_cur *c)
{
	int			depth = 0;

	for (int p = c->pos + 1; p < c->end; p++)
	{
		const ddl_token *t = &c->toks[p];

		if (tok_punct(t, "("))
			depth++;
		else if (tok_punct(t, ")"))
			depth--;
		else if (depth == 0 && (tok_is(t, "ADD") || tok_is(t, "ALTER") ||
								tok_is(t, "DROP") || tok_is(t, "ROTATE") ||
								tok_is(t, "RENAME")))
		{
			/* "DROP DEFAULT", "SET DEFAULT" belong to ALTER COLUMN */
			if (tok_is(t, "DROP") && p + 1 < c->end &&
				tok_is(&c->toks[p + 1], "DEFAULT"))
				continue;
			/* "ADD RESTRICT ON DROP": that DROP is not an action */
			if (tok_is(t, "DROP") && p > 0 && tok_is(&c->toks[p - 1], "ON"))
				continue;
			return p;
		}
	}
	return c->end;
}

/* Append an action of the given kind to an ALTER TABLE. */
static ddl_alter_action *
add_action(ddl_cur *c, ddl_alter *al, ddl_alter_kind kind)
{
	ddl_alter_action *a = ddl_push(&c->s->arena, (void **) &al->actions,
								   &al->nactions, &al->capactions,
								   sizeof(ddl_alter_action));

	if (a != NULL)
		a->kind = kind;
	return a;
}

/* Keep an action we do not convert, with advice for the note. */
static zf_status
dropped_action(ddl_cur *c, ddl_alter *al, int start, int end, const char *advice,
			   bool unknown)
{
	ddl_alter_action *a = add_action(c, al, AL_DROPPED);

	if (a == NULL || (a->clause.text = ddl_range_text(c->s, start, end)) == NULL)
		return cur_nomem(c);
	a->clause.advice = advice;
	a->clause.unknown = unknown;
	c->pos = end;
	return ZF_OK;
}

/* One ALTER TABLE action in [pos, end). */
static zf_status
alter_action(ddl_cur *c, ddl_alter *al, ddl_table *model)
{
	ddl_alter_action *a;
	zf_status	st;
	int			start = c->pos;
	ddl_clause	cl;

	/* DB2 also takes a constraint without ADD: ALTER TABLE t FOREIGN KEY ... */
	if (ddl_is_constraint_start(c))
	{
		if ((a = add_action(c, al, AL_ADD_CONSTRAINT)) == NULL ||
			(a->con = ddl_alloc(&c->s->arena, sizeof(ddl_constraint))) == NULL)
			return cur_nomem(c);
		if ((st = ddl_parse_constraint(c, a->con)) != ZF_OK)
			return st;
		return cur_at_end(c) ? ZF_OK : cur_error(c, "the next ALTER TABLE clause");
	}
	if (cur_is(c, "ADD"))
	{
		if (cur_is(c, "ADD PERIOD") || cur_is(c, "ADD VERSIONING") ||
			cur_is(c, "ADD PARTITION") || cur_is(c, "ADD MATERIALIZED QUERY") ||
			cur_is(c, "ADD ORGANIZE") || cur_is(c, "ADD CLONE") ||
			cur_is(c, "ADD SCOPE"))
			return dropped_action(c, al, start, c->end,
								  "not converted: change the PostgreSQL table by hand if needed",
								  false);
		if (cur_is(c, "ADD RESTRICT ON DROP"))
		{
			if (ddl_match_clause(c, CTX_ALTER, &cl))
				return dropped_action(c, al, start, c->pos, cl.advice, false);
		}
		c->pos++;
		if (ddl_is_constraint_start(c))
		{
			if ((a = add_action(c, al, AL_ADD_CONSTRAINT)) == NULL ||
				(a->con = ddl_alloc(&c->s->arena, sizeof(ddl_constraint))) == NULL)
				return cur_nomem(c);
			if ((st = ddl_parse_constraint(c, a->con)) != ZF_OK)
				return st;
			return cur_at_end(c) ? ZF_OK : cur_error(c, "the next ALTER TABLE clause");
		}
		cur_accept(c, "COLUMN");
		if ((a = add_action(c, al, AL_ADD_COLUMN)) == NULL ||
			(a->column = ddl_alloc(&c->s->arena, sizeof(ddl_column))) == NULL)
			return cur_nomem(c);
		if ((st = ddl_parse_column(c, a->column, false)) != ZF_OK)
			return st;
		if (model != NULL)
		{
			ddl_column *copy = ddl_alloc(&c->s->arena, sizeof(ddl_column));

			if (copy == NULL)
				return cur_nomem(c);
			*copy = *a->column;
			return ddl_table_add_column(c, model, copy);
		}
		return ZF_OK;
	}

	if (cur_is(c, "ALTER PART") || cur_is(c, "ALTER PARTITION"))
		return dropped_action(c, al, start, c->end,
							  "partition changes are not converted: change the PostgreSQL partitions by hand if needed",
							  false);
	if (cur_accept(c, "ALTER"))
	{
		const char *colname;

		cur_accept(c, "COLUMN");
		if ((st = cur_ident(c, &colname)) != ZF_OK)
			return st;
		if (cur_accept(c, "SET DATA TYPE"))
		{
			if ((a = add_action(c, al, AL_SET_TYPE)) == NULL ||
				(a->column = ddl_alloc(&c->s->arena, sizeof(ddl_column))) == NULL)
				return cur_nomem(c);
			a->colname = colname;
			a->column->pub.name = colname;
			if ((st = ddl_parse_column(c, a->column, true)) != ZF_OK)
				return st;
			if (model != NULL)
			{
				for (int i = 0; i < model->pub.ncolumns; i++)
				{
					ddl_column *mc = model->cols[i];

					if (strcmp(mc->pub.name, colname) == 0)
					{
						mc->pub.type = a->column->pub.type;
						mc->pub.type_name = a->column->pub.type_name;
						mc->pub.length = a->column->pub.length;
						mc->pub.precision = a->column->pub.precision;
						mc->pub.scale = a->column->pub.scale;
						mc->precision_given = a->column->precision_given;
						a->column->pub.subtype = mc->pub.subtype;
					}
				}
			}
		}
		else if (cur_accept(c, "SET WITH DEFAULT") || cur_accept(c, "SET DEFAULT"))
		{
			if ((a = add_action(c, al, AL_SET_DEFAULT)) == NULL)
				return cur_nomem(c);
			a->colname = colname;
			a->dflt.first = c->pos;
			a->dflt.end = c->end;
			if (a->dflt.first >= a->dflt.end)
				return cur_error(c, "a default value");
			c->pos = c->end;
		}
		else if (cur_accept(c, "DROP DEFAULT"))
		{
			if ((a = add_action(c, al, AL_DROP_DEFAULT)) == NULL)
				return cur_nomem(c);
			a->colname = colname;
		}
		else
			return dropped_action(c, al, start, c->end,
								  "not converted: change the column by hand if needed",
								  false);
		return cur_at_end(c) ? ZF_OK : cur_error(c, "the next ALTER TABLE clause");
	}

	if (cur_is(c, "DROP"))
	{
		if (cur_is(c, "DROP RESTRICT ON DROP") && ddl_match_clause(c, CTX_ALTER, &cl))
			return dropped_action(c, al, start, c->pos, cl.advice, false);
		c->pos++;
		if (cur_accept(c, "PRIMARY KEY"))
			return add_action(c, al, AL_DROP_PK) ? ZF_OK : cur_nomem(c);
		if (cur_accept(c, "FOREIGN KEY") || cur_accept(c, "UNIQUE") ||
			cur_accept(c, "CHECK") || cur_accept(c, "CONSTRAINT"))
		{
			if ((a = add_action(c, al, AL_DROP_CONSTRAINT)) == NULL)
				return cur_nomem(c);
			return cur_ident(c, &a->conname);
		}
		if (cur_is(c, "MATERIALIZED") || cur_is(c, "VERSIONING") ||
			cur_is(c, "ORGANIZATION") || cur_is(c, "CLONE"))
			return dropped_action(c, al, start, c->end, NULL, false);
		cur_accept(c, "COLUMN");
		if ((a = add_action(c, al, AL_DROP_COLUMN)) == NULL)
			return cur_nomem(c);
		if ((st = cur_ident(c, &a->colname)) != ZF_OK)
			return st;
		cur_accept(c, "RESTRICT");
		if (model != NULL)
		{
			for (int i = 0; i < model->pub.ncolumns; i++)
			{
				if (strcmp(model->cols[i]->pub.name, a->colname) == 0)
				{
					memmove(&model->cols[i], &model->cols[i + 1],
							sizeof(ddl_column *) * (size_t) (model->pub.ncolumns - i - 1));
					model->pub.ncolumns--;
					break;
				}
			}
		}
		return ZF_OK;
	}

	if (cur_is(c, "ROTATE") || cur_is(c, "RENAME"))
		return dropped_action(c, al, start, c->end,
							  "not converted: change the PostgreSQL table by hand if needed",
							  false);
	if (ddl_match_clause(c, CTX_ALTER, &cl))
		return dropped_action(c, al, start, c->pos, cl.advice, false);
	return dropped_action(c, al, start, c->end, NULL, true);
}

/* ALTER TABLE name action [action ...] */
zf_status
ddl_parse_alter_table(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_alter  *al = stmt_payload(c, ST_ALTER_TABLE, "ALTER TABLE", sizeof(ddl_alter));
	ddl_table  *model;
	zf_status	st;

	(void) ps;
	if (al == NULL)
		return cur_nomem(c);
	c->stmt->u.alter = al;
	c->pos += 2;
	if ((st = cur_qname(c, &al->table)) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &al->table);
	ddl_note_creator(c->s, al->table.qual);
	model = ddl_model_lookup(c, &al->table);
	if (cur_at_end(c))
		return cur_error(c, "an ALTER TABLE clause");
	while (!cur_at_end(c))
	{
		ddl_cur		sub = *c;

		/* a storage clause or one action up to the next action */
		sub.end = next_action(c);
		if (ddl_clause_starts(&sub, CTX_ALTER) && !cur_is(&sub, "ADD") &&
			!cur_is(&sub, "ALTER") && !cur_is(&sub, "DROP"))
			sub.end = c->end;
		if ((st = alter_action(&sub, al, model)) != ZF_OK)
			return st;
		c->pos = sub.pos > c->pos ? sub.pos : sub.end;
	}
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * COMMENT ON, LABEL ON
 * ---------------------------------------------------------------------
 */

/* The string of a COMMENT/LABEL, for a column or (column NULL) the object. */
static zf_status
comment_item(ddl_cur *c, ddl_comment *cm, const char *column)
{
	ddl_comment_item *it;

	if (cur_tok(c, 0)->kind != TK_STRING && cur_tok(c, 0)->kind != TK_GSTRING)
		return cur_error(c, "a string constant");
	it = ddl_push(&c->s->arena, (void **) &cm->items, &cm->nitems, &cm->capitems,
				  sizeof(ddl_comment_item));
	if (it == NULL)
		return cur_nomem(c);
	it->column = column;
	it->text = cur_tok(c, 0)->text;
	c->pos++;
	return ZF_OK;
}

/* COMMENT ON / LABEL ON, the one-object and the multi-column forms. */
zf_status
ddl_parse_comment(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_comment *cm;
	bool		label = cur_is(c, "LABEL");
	zf_status	st;
	static const struct
	{
		const char *words;
		ddl_obj_kind kind;
	}			targets[] = {
		{"TABLE", OBJ_TABLE}, {"COLUMN", OBJ_COLUMN}, {"INDEX", OBJ_INDEX},
		{"ALIAS", OBJ_ALIAS}, {"SEQUENCE", OBJ_SEQUENCE},
		{"DISTINCT TYPE", OBJ_TYPE}, {"TYPE", OBJ_TYPE},
		{"PUBLIC ALIAS", OBJ_OTHER}, {"PACKAGE", OBJ_OTHER}, {"PLAN", OBJ_OTHER},
		{"TRIGGER", OBJ_OTHER}, {"PROCEDURE", OBJ_OTHER},
		{"SPECIFIC FUNCTION", OBJ_OTHER}, {"FUNCTION", OBJ_OTHER},
		{"ROLE", OBJ_OTHER}, {"TRUSTED CONTEXT", OBJ_OTHER}, {"MASK", OBJ_OTHER},
		{"PERMISSION", OBJ_OTHER}, {"VARIABLE", OBJ_OTHER},
	};

	(void) ps;
	cm = stmt_payload(c, ST_COMMENT, label ? "LABEL ON" : "COMMENT ON", sizeof(ddl_comment));
	if (cm == NULL)
		return cur_nomem(c);
	c->stmt->u.comment = cm;
	cm->label = label;
	c->pos += 2;
	cm->target = OBJ_COLUMNS;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
	{
		int			start = c->pos;

		/* "COMMENT ON TABLE (...)" would be a table named TABLE: no */
		if (cur_accept(c, targets[i].words))
		{
			if (!tok_is_ident(cur_tok(c, 0)))
			{
				c->pos = start;
				continue;
			}
			cm->target = targets[i].kind;
			cm->target_word = targets[i].words;
			break;
		}
	}
	if (cm->target == OBJ_OTHER)
	{
		/* kept only as a note: the object name for it, then stop */
		if (tok_is_ident(cur_tok(c, 0)) && cur_qname(c, &cm->name) == ZF_OK)
			c->stmt->object = ddl_name_text(c->s, &cm->name);
		c->pos = c->end;
		return ZF_OK;
	}
	if ((st = cur_qname(c, &cm->name)) != ZF_OK)
		return st;
	if (cm->target == OBJ_COLUMN)
	{
		/* t.c or creator.t.c: shift the parts */
		const char *column = cm->name.name;

		if (cm->name.qual == NULL)
			return cur_error(c, "a qualified column name");
		cm->name.name = cm->name.qual;
		cm->name.qual = cm->name.loc;
		cm->name.loc = NULL;
		ddl_note_creator(c->s, cm->name.qual);
		c->stmt->object = ddl_name_text(c->s, &cm->name);
		if ((st = cur_expect(c, "IS")) != ZF_OK)
			return st;
		return comment_item(c, cm, column);
	}
	c->stmt->object = ddl_name_text(c->s, &cm->name);
	ddl_note_creator(c->s, cm->name.qual);
	if (cm->target == OBJ_COLUMNS)
	{
		int			gend;

		if (!tok_punct(cur_tok(c, 0), "("))
		{
			/* COMMENT ON name IS '...' without a kind: a table */
			cm->target = OBJ_TABLE;
			if ((st = cur_expect(c, "IS")) != ZF_OK)
				return st;
			return comment_item(c, cm, NULL);
		}
		gend = cur_group_end(c);
		c->pos++;
		while (c->pos < gend)
		{
			const char *column;

			if ((st = cur_ident(c, &column)) != ZF_OK ||
				(st = cur_expect(c, "IS")) != ZF_OK ||
				(st = comment_item(c, cm, column)) != ZF_OK)
				return st;
			if (cm->nitems > DDL_MAX_COLUMNS)
				return cur_error(c, "at most 1600 columns");
			if (c->pos < gend && (st = cur_expect_punct(c, ",")) != ZF_OK)
				return st;
		}
		c->pos = gend + 1;
		return cur_at_end(c) ? ZF_OK : cur_error(c, "the end of the statement");
	}
	if ((st = cur_expect(c, "IS")) != ZF_OK || (st = comment_item(c, cm, NULL)) != ZF_OK)
		return st;
	return cur_at_end(c) ? ZF_OK : cur_error(c, "the end of the statement");
}

/* ---------------------------------------------------------------------
 * SET CURRENT SQLID / SCHEMA, DROP, RENAME
 * ---------------------------------------------------------------------
 */

/* SET CURRENT SQLID / SET [CURRENT] SCHEMA: the qualifier for unqualified names. */
zf_status
ddl_parse_set(ddl_cur *c, ddl_parse_state *ps)
{
	bool		sqlid = cur_is(c, "SET CURRENT SQLID");
	const ddl_token *t;
	const char *value = NULL;

	c->stmt->kind = ST_SET_SCHEMA;
	if (sqlid)
	{
		c->stmt->kind_text = "SET CURRENT SQLID";
		c->pos += 3;
	}
	else
	{
		c->stmt->kind_text = cur_is(c, "SET SCHEMA") ? "SET SCHEMA" : "SET CURRENT SCHEMA";
		c->pos += cur_is(c, "SET CURRENT SCHEMA") ? 3 : 2;
	}
	cur_accept_punct(c, "=");
	t = cur_tok(c, 0);
	if (t->kind == TK_STRING || t->kind == TK_DELIM)
		value = t->text;
	else if (tok_is(t, "USER") || tok_is(t, "SESSION_USER") || tok_is(t, "DEFAULT") ||
			 tok_is(t, "CURRENT_USER"))
		value = NULL;
	else if (t->kind == TK_WORD)
		value = t->text;
	else
		return cur_error(c, "a schema name");
	c->pos++;
	if (!cur_at_end(c))
		return cur_error(c, "the end of the statement");
	if (value != NULL && value[0] == '\0')
		return cur_error(c, "a schema name");
	if (sqlid)
		ps->sqlid = value;
	else
		ps->schema = value;
	c->stmt->u.schema = ps->schema ? ps->schema : ps->sqlid;
	c->stmt->object = value;
	ddl_note_creator(c->s, value);
	return ZF_OK;
}

/* DROP object name [RESTRICT] */
zf_status
ddl_parse_drop(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_drop   *d = stmt_payload(c, ST_DROP, "DROP", sizeof(ddl_drop));
	static const struct
	{
		const char *words;
		ddl_obj_kind kind;
	}			targets[] = {
		{"TABLE", OBJ_TABLE}, {"VIEW", OBJ_VIEW}, {"INDEX", OBJ_INDEX},
		{"ALIAS", OBJ_ALIAS}, {"SYNONYM", OBJ_SYNONYM}, {"SEQUENCE", OBJ_SEQUENCE},
		{"DISTINCT TYPE", OBJ_TYPE}, {"TYPE", OBJ_TYPE},
	};
	zf_status	st;
	bool		other_word;

	(void) ps;
	if (d == NULL)
		return cur_nomem(c);
	c->stmt->u.drop = d;
	c->pos++;
	d->target = OBJ_OTHER;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
	{
		if (cur_accept(c, targets[i].words))
		{
			d->target = targets[i].kind;
			d->target_word = targets[i].words;
			break;
		}
	}
	if (d->target == OBJ_OTHER)
	{
		d->target_word = cur_tok(c, 0)->kind == TK_WORD ? cur_tok(c, 0)->text : "";
		c->stmt->kind = ST_DROPPED;
		c->stmt->reason = strcmp(d->target_word, "TABLESPACE") == 0 ?
			"DB2 table spaces have no PostgreSQL counterpart (in DB2 this also drops the tables in it: drop those tables explicitly)" :
			strcmp(d->target_word, "DATABASE") == 0 ?
			"DB2 databases have no PostgreSQL counterpart (in DB2 this also drops every table space and table in it: drop those tables explicitly)" :
			"this kind of object has no PostgreSQL counterpart";
	}
	/* the unknown object word, when there is one before the statement's end */
	other_word = d->target == OBJ_OTHER && !cur_at_end(c);
	c->stmt->kind_text = ddl_range_text(c->s, c->stmt->span.first, c->pos +
										(other_word ? 1 : 0));
	if (other_word)
		c->pos++;
	if ((st = cur_qname(c, &d->name)) != ZF_OK)
		return st;
	c->stmt->object = ddl_name_text(c->s, &d->name);
	ddl_note_creator(c->s, d->name.qual);
	cur_accept(c, "RESTRICT");
	c->pos = c->end;
	return ZF_OK;
}

/* RENAME [TABLE | INDEX] name TO new-name */
zf_status
ddl_parse_rename(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_rename *r = stmt_payload(c, ST_RENAME, "RENAME", sizeof(ddl_rename));
	zf_status	st;

	(void) ps;
	if (r == NULL)
		return cur_nomem(c);
	c->stmt->u.rename = r;
	c->pos++;
	r->target = OBJ_TABLE;
	if (cur_accept(c, "INDEX"))
		r->target = OBJ_INDEX;
	else
		cur_accept(c, "TABLE");
	if ((st = cur_qname(c, &r->from)) != ZF_OK || (st = cur_expect(c, "TO")) != ZF_OK ||
		(st = cur_ident(c, &r->to)) != ZF_OK)
		return st;
	c->stmt->kind_text = r->target == OBJ_INDEX ? "RENAME INDEX" : "RENAME TABLE";
	c->stmt->object = ddl_name_text(c->s, &r->from);
	ddl_note_creator(c->s, r->from.qual);
	return cur_at_end(c) ? ZF_OK : cur_error(c, "the end of the statement");
}
