/* baken-json.c: parsing JSON that may be hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-json"

#include "config.h"

#include "baken-json.h"

gboolean
baken_json_check_depth (const char *data,
                        gsize       length,
                        guint       max_depth,
                        guint      *line,
                        guint      *column)
{
  gboolean in_string = FALSE;
  guint depth = 0, l = 1, c = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      c++;
      if (ch == '\n')
        {
          l++;
          c = 0;
          continue;
        }

      if (in_string)
        {
          if (ch == '\\')
            {
              i++;
              c++;
            }
          else if (ch == '"')
            {
              in_string = FALSE;
            }
          continue;
        }

      if (ch == '"')
        {
          in_string = TRUE;
        }
      else if (ch == '[' || ch == '{')
        {
          if (++depth > max_depth)
            {
              if (line != NULL)
                *line = l;
              if (column != NULL)
                *column = c;
              return FALSE;
            }
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

gboolean
baken_json_load (JsonParser  *parser,
                 const char  *what,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  guint line = 0, column = 0;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!baken_json_check_depth (data, length, BAKEN_JSON_MAX_DEPTH, &line, &column))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   "%s:%u:%u: objects and arrays nest deeper than %d levels; this is not "
                   "a document Baken reads", what, line, column, BAKEN_JSON_MAX_DEPTH);
      return FALSE;
    }

  return json_parser_load_from_data (parser, data, (gssize) length, error);
}

JsonParser *
baken_json_parse (const char  *what,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!baken_json_load (parser, what, data, length, error))
    return NULL;

  return g_steal_pointer (&parser);
}
