/* baken-lint-icons.c: files in icons/ that no life event uses (icon-unused)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk only shows the icons life events name; anything else in icons/ is left over.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-icons.h"

#include <string.h>

/* Icons */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

void
baken_lint_check_icons (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;
  g_autofree char *path = g_build_filename (baken_content_source_get_dir (s), "icons", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT); r++)
    if (baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "icon") != NULL)
      g_hash_table_add (used, (gpointer) baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "icon"));

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = NULL;
      g_autofree char *base = NULL;

      name = g_ptr_array_index (names, i);
      file = g_strdup_printf ("icons/%s", name);
      if (!g_str_has_suffix (name, ".svg"))
        {
          baken_lint_add_issue (lint, file, 1, 1, BAKEN_LINT_WARNING, "icon-unused",
                                "%s is not an SVG icon, so the kiosk never uses it; remove it",
                                file);
          continue;
        }
      base = g_strndup (name, strlen (name) - 4);
      if (!g_hash_table_contains (used, base))
        baken_lint_add_issue (lint, file, 1, 1, BAKEN_LINT_WARNING, "icon-unused",
                              "icon \"%s\" is not used by any life event; use it in "
                              "life_events.csv or remove the file", base);
    }
}
