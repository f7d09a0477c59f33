/* baken-content-source-life-events.c: check the tree of life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The life events form the kiosk's menu: a tree of at most three levels, without cycles,
 * whose top level has icons, whose titles fit on a tile, and where every event leads to
 * a service or to events below it.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-life-events.h"

#include "baken-content-source-icons.h"
#include "baken-content-source-report.h"

#define MAX_DEPTH         3
#define MAX_TITLE_WORDS   5

static gboolean
count_words_ok (const char *text,
                guint      *n_words)
{
  gboolean in_word = FALSE;

  *n_words = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
        }
      else if (!in_word)
        {
          in_word = TRUE;
          (*n_words)++;
        }
    }

  return *n_words <= MAX_TITLE_WORDS;
}

void
baken_source_check_life_events (Source *b)
{
  Table *t = &b->tables[T_LIFE_EVENT];
  Table *les = &b->tables[T_LIFE_EVENT_SERVICE];
  guint n = t->rows->len;
  g_autofree guint8 *state = g_new0 (guint8, n);     /* 0 new, 1 on the path, 2 done */
  g_autofree int *depth = g_new0 (int, n);           /* -1: broken chain */
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) has_children = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) has_services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) checked_icons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, g_ptr_array_index (t->rows, i), GUINT_TO_POINTER (i));

  /* Depth of every event, finding cycles, in one walk up from each event. */
  for (guint i = 0; i < n; i++)
    {
      guint cur = i;
      gpointer found;
      int base;

      g_array_set_size (path, 0);
      for (;;)
        {
          Row *row = g_ptr_array_index (t->rows, cur);
          const char *parent_id = value (row, LE_PARENT_ID);
          Row *parent;

          if (state[cur] == 2)
            {
              base = depth[cur];
              break;
            }
          if (state[cur] == 1)
            {
              /* A cycle: the part of the path from cur on. Report it once, on the first
               * of its events in the file. */
              g_autoptr(GString) chain = g_string_new (NULL);
              guint start = 0, first = cur;

              while (g_array_index (path, guint, start) != cur)
                start++;
              for (guint k = start; k < path->len; k++)
                {
                  guint m = g_array_index (path, guint, k);
                  Row *member = g_ptr_array_index (t->rows, m);

                  g_string_append_printf (chain, "%s → ", value (member, LE_ID));
                  if (m < first)
                    first = m;
                  state[m] = 2;
                  depth[m] = -1;
                }
              g_string_append (chain, value (row, LE_ID));
              {
                Row *first_row = g_ptr_array_index (t->rows, first);

                baken_source_report_field (b->report, t, first_row, LE_PARENT_ID,
                                           "life event \"%s\" is part of a cycle (%s); "
                                           "give one of these events another parent_id",
                                           value (first_row, LE_ID), chain->str);
              }
              base = -1;
              break;
            }

          state[cur] = 1;
          g_array_append_val (path, cur);

          if (parent_id == NULL)
            {
              if (is_set (row, LE_PARENT_ID))
                {
                  /* A bad parent_id, already reported: no depth. */
                  base = -1;
                }
              else
                {
                  /* A top-level event. */
                  g_array_set_size (path, path->len - 1);
                  state[cur] = 2;
                  depth[cur] = 0;
                  base = 0;
                }
              break;
            }

          parent = g_hash_table_lookup (t->by_id, parent_id);
          if (parent == NULL || !g_hash_table_lookup_extended (index, parent, NULL, &found))
            {
              /* Unknown (reported) or unreadable (reported): no depth. */
              base = -1;
              break;
            }
          cur = GPOINTER_TO_UINT (found);
        }

      for (guint k = path->len; k-- > 0;)
        {
          guint m = g_array_index (path, guint, k);

          if (state[m] == 2)
            {
              base = depth[m];
              continue;
            }
          state[m] = 2;
          depth[m] = base < 0 ? -1 : base + 1;
          base = depth[m];
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *parent_id = value (row, LE_PARENT_ID);

      if (parent_id != NULL)
        g_hash_table_add (has_children, (gpointer) parent_id);
    }
  for (guint r = 0; r < les->rows->len; r++)
    {
      Row *row = g_ptr_array_index (les->rows, r);

      if (value (row, LES_LIFE_EVENT_ID) != NULL)
        g_hash_table_add (has_services, (gpointer) value (row, LES_LIFE_EVENT_ID));
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *id = value (row, LE_ID);
      const char *icon = value (row, LE_ICON);
      const char *title = value (row, LE_TITLE);
      guint n_words;

      if (depth[i] >= MAX_DEPTH)
        baken_source_report_field (b->report, t, row, LE_PARENT_ID,
                                   "life event \"%s\" is on level %d; the menu has at "
                                   "most %d levels, so attach it to an event higher up",
                                   id ?: "", depth[i] + 1, MAX_DEPTH);
      if (id != NULL && depth[i] >= 0)
        g_hash_table_insert (b->depth, (gpointer) id, GINT_TO_POINTER (depth[i] + 1));

      if (!is_set (row, LE_PARENT_ID) && !is_set (row, LE_ICON))
        baken_source_report_field (b->report, t, row, LE_ICON,
                                   "life event \"%s\" is on the home screen and needs an "
                                   "icon; fill in the name of an SVG file in icons/ "
                                   "(without .svg)", id ?: "");
      if (icon != NULL)
        baken_source_check_icon (b, t, row, icon, checked_icons);

      if (title != NULL && !count_words_ok (title, &n_words))
        baken_source_report_field (b->report, t, row, LE_TITLE,
                                   "title \"%s\" has %u words; a tile label has at most "
                                   "%d, so shorten it (the summary can say more)", title,
                                   n_words, MAX_TITLE_WORDS);

      if (id != NULL && !g_hash_table_contains (has_children, id) &&
          !g_hash_table_contains (has_services, id))
        baken_source_report_field (b->report, t, row, LE_ID,
                                   "life event \"%s\" has no services and no child "
                                   "events, so it leads nowhere; add rows for it to "
                                   "life_event_services.csv", id);
    }
}

void
baken_source_check_taxonomy_menu (Source *b)
{
  Table *t = &b->tables[T_TAXONOMY_MENU];
  Table *events = &b->tables[T_LIFE_EVENT];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *event = value (row, TM_LIFE_EVENT_ID);
      const char *situation = value (row, TM_SITUATION_ID);
      Row *situation_row = situation != NULL ? g_hash_table_lookup (events->by_id, situation)
                                             : NULL;

      /* A life event that is not there was left out by an import: nothing to check. */
      if (event == NULL || situation_row == NULL ||
          !g_hash_table_contains (events->by_id, event))
        continue;
      if (g_strcmp0 (value (situation_row, LE_PARENT_ID), event) != 0)
        {
          baken_source_report_field (b->report, t, row, TM_SITUATION_ID,
                                     "situation_id \"%s\" is not a life event under \"%s\" "
                                     "(its parent_id in life_events.csv is %s); name a "
                                     "situation of that life event, or leave it empty",
                                     situation, event,
                                     value (situation_row, LE_PARENT_ID) != NULL
                                       ? value (situation_row, LE_PARENT_ID) : "empty");
          mark_bad (row, TM_SITUATION_ID);
        }
    }
}
