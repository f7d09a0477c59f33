/* baken-icon-check.c: is an SVG icon safe and cheap to draw?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scan keeps a small tree of the elements (id, <use> target, children) and then
 * computes how many elements librsvg would visit with every <use> expanded, so a
 * "billion laughs" made of <use> elements is refused before librsvg sees it.
 */
#define G_LOG_DOMAIN "baken-icon-check"

#include "config.h"

#include "baken-icon-check.h"

#include <math.h>
#include <string.h>

#include <librsvg/rsvg.h>

#include "baken-icon-render.h"

G_DEFINE_QUARK (baken-icon-check-error-quark, baken_icon_check_error)

typedef struct
{
  char   *id;           /* (nullable) */
  char   *use_target;   /* (nullable) id a <use> element points to */
  int     first_child;
  int     next_sibling;
  int     last_child;
  guint64 cost;         /* elements visited when drawing this one, <use> expanded */
  guint   chain;        /* longest chain of <use> references below this one */
  guint   state;        /* 0 not computed, 1 computing, 2 done */
} Node;

typedef struct
{
  GArray     *nodes;    /* of Node */
  GArray     *stack;    /* of int: open elements */
  GHashTable *ids;      /* id → index + 1 */
  guint       n_use;
  gboolean    in_style;
  gboolean    seen_root;
} Scan;

static gboolean G_GNUC_PRINTF (3, 4)
refuse (GError     **error,
        int          code,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (BAKEN_ICON_CHECK_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* Every url(…) in text must be url(#id). */
static gboolean
check_urls (const char  *text,
            GError     **error)
{
  const char *p = text;

  while ((p = strstr (p, "(")) != NULL)
    {
      const char *q = p + 1;

      if (p - text >= 3 && g_ascii_strncasecmp (p - 3, "url", 3) == 0)
        {
          while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '"' || *q == '\'')
            q++;
          if (*q != '#')
            return refuse (error, BAKEN_ICON_CHECK_ERROR_EXTERNAL,
                           "the icon refers to something outside itself in url(…); only "
                           "url(#id) is allowed");
        }
      p++;
    }

  for (p = text; (p = strchr (p, '@')) != NULL; p++)
    if (g_ascii_strncasecmp (p, "@import", 7) == 0)
      return refuse (error, BAKEN_ICON_CHECK_ERROR_EXTERNAL,
                     "the icon's style imports another file (@import)");

  return TRUE;
}

static double
length_in_pixels (const char *value)
{
  static const struct { const char *unit; double factor; } units[] = {
    { "", 1 }, { "px", 1 }, { "in", 96 }, { "cm", 96 / 2.54 }, { "mm", 96 / 25.4 },
    { "pt", 96.0 / 72 }, { "pc", 16 }, { "em", 16 }, { "ex", 8 }, { "%", 0 },
  };
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  if (end == value)
    return 0;  /* not a number: librsvg decides */
  while (*end == ' ')
    end++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].unit) == 0)
      return number * units[i].factor;
  return number;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  static const char *const forbidden[] = { "script", "handler", "listener", "foreignObject",
                                           "iframe", "embed", "object", "audio", "video",
                                           NULL };
  Scan *scan = user_data;
  const char *local = strchr (element_name, ':') ? strchr (element_name, ':') + 1 : element_name;
  Node node = { NULL, NULL, -1, -1, -1, 0, 0, 0 };
  int index;

  if (!scan->seen_root)
    {
      if (strcmp (element_name, "svg") != 0)
        {
          refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG,
                  "the icon's outer element is <%s>, not <svg>", element_name);
          return;
        }
      scan->seen_root = TRUE;
    }
  else if (scan->stack->len == 0)
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG, "the icon has more than one outer element");
      return;
    }

  if (g_strv_contains (forbidden, local))
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_SCRIPT,
              "the icon contains a <%s> element; icons are plain drawings without scripts "
              "or embedded content", element_name);
      return;
    }
  if (scan->nodes->len >= BAKEN_ICON_CHECK_MAX_ELEMENTS)
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_COMPLEXITY,
              "the icon has more than %d elements", BAKEN_ICON_CHECK_MAX_ELEMENTS);
      return;
    }
  if (scan->stack->len >= BAKEN_ICON_CHECK_MAX_DEPTH)
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_COMPLEXITY,
              "the icon's elements are nested more than %d deep", BAKEN_ICON_CHECK_MAX_DEPTH);
      return;
    }

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *name = attribute_names[i];
      const char *value = attribute_values[i];
      const char *local_name = strchr (name, ':') ? strchr (name, ':') + 1 : name;

      if (g_ascii_strncasecmp (local_name, "on", 2) == 0)
        {
          refuse (error, BAKEN_ICON_CHECK_ERROR_SCRIPT,
                  "the icon has an event handler attribute (%s); icons run no code", name);
          return;
        }
      if (strcmp (local_name, "href") == 0 || strcmp (local_name, "src") == 0)
        {
          if (value[0] != '#')
            {
              refuse (error, BAKEN_ICON_CHECK_ERROR_EXTERNAL,
                      "the icon refers to something outside itself (%s=\"%.40s\"); only "
                      "references inside the icon (#id) are allowed", name, value);
              return;
            }
          if (strcmp (local, "use") == 0)
            node.use_target = g_strdup (value + 1);
        }
      if (!check_urls (value, error))
        return;
      if (strcmp (name, "id") == 0 && node.id == NULL)
        node.id = g_strdup (value);
      if (scan->stack->len == 0 && (strcmp (name, "width") == 0 || strcmp (name, "height") == 0))
        {
          double pixels = length_in_pixels (value);

          if (!isfinite (pixels) || pixels > BAKEN_ICON_CHECK_MAX_DIMENSION)
            {
              refuse (error, BAKEN_ICON_CHECK_ERROR_DIMENSIONS,
                      "the icon is %s=\"%.40s\"; at most %d pixels are allowed",
                      name, value, BAKEN_ICON_CHECK_MAX_DIMENSION);
              return;
            }
        }
    }

  if (strcmp (local, "use") == 0 && ++scan->n_use > BAKEN_ICON_CHECK_MAX_USE)
    {
      g_free (node.id);
      g_free (node.use_target);
      refuse (error, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT,
              "the icon has more than %d <use> elements", BAKEN_ICON_CHECK_MAX_USE);
      return;
    }

  index = (int) scan->nodes->len;
  g_array_append_val (scan->nodes, node);
  if (node.id != NULL && !g_hash_table_contains (scan->ids, node.id))
    g_hash_table_insert (scan->ids, node.id, GINT_TO_POINTER (index + 1));
  if (scan->stack->len > 0)
    {
      int parent = g_array_index (scan->stack, int, scan->stack->len - 1);
      Node *p = &g_array_index (scan->nodes, Node, parent);

      if (p->last_child < 0)
        p->first_child = index;
      else
        g_array_index (scan->nodes, Node, p->last_child).next_sibling = index;
      p->last_child = index;
    }
  g_array_append_val (scan->stack, index);
  scan->in_style = strcmp (local, "style") == 0;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Scan *scan = user_data;

  g_array_set_size (scan->stack, scan->stack->len - 1);
  scan->in_style = FALSE;
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Scan *scan = user_data;
  g_autofree char *copy = NULL;

  if (!scan->in_style)
    return;
  copy = g_strndup (content, length);
  check_urls (copy, error);
}

static void
passthrough (GMarkupParseContext  *context,
             const char           *content,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  g_autofree char *copy = g_strndup (content, length);

  if (g_str_has_prefix (copy, "<!--"))
    return;
  if (g_str_has_prefix (copy, "<?xml ") || g_str_has_prefix (copy, "<?xml?"))
    return;
  if (g_str_has_prefix (copy, "<?"))
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_EXTERNAL,
              "the icon has a processing instruction (%.40s); remove it", copy);
      return;
    }
  if (g_str_has_prefix (copy, "<![CDATA["))
    {
      check_urls (copy, error);
      return;
    }
  if (strstr (copy, "<!ENTITY") != NULL || strchr (copy, '[') != NULL)
    {
      refuse (error, BAKEN_ICON_CHECK_ERROR_ENTITY,
              "the icon declares entities in its DOCTYPE; icons may not define entities");
      return;
    }
  if (g_str_has_prefix (copy, "<!DOCTYPE"))
    return;
  refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG, "the icon has an unknown declaration (%.40s)",
          copy);
}

/* Elements visited when drawing node i, every <use> expanded; FALSE on a cycle, a chain
 * deeper than the limit, or more than the limit in total. */
static gboolean
compute_cost (Scan     *scan,
              int       i,
              GError  **error)
{
  Node *node = &g_array_index (scan->nodes, Node, i);
  guint64 cost = 1;
  guint chain = 0;

  if (node->state == 2)
    return TRUE;
  if (node->state == 1)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT,
                   "the icon's <use> elements refer to each other in a circle");
  node->state = 1;

  for (int child = node->first_child; child >= 0;
       child = g_array_index (scan->nodes, Node, child).next_sibling)
    {
      if (!compute_cost (scan, child, error))
        return FALSE;
      cost += g_array_index (scan->nodes, Node, child).cost;
      chain = MAX (chain, g_array_index (scan->nodes, Node, child).chain);
      node = &g_array_index (scan->nodes, Node, i);
      if (cost > BAKEN_ICON_CHECK_MAX_EXPANDED)
        break;
    }

  if (node->use_target != NULL && cost <= BAKEN_ICON_CHECK_MAX_EXPANDED)
    {
      int target = GPOINTER_TO_INT (g_hash_table_lookup (scan->ids, node->use_target)) - 1;

      if (target >= 0)
        {
          if (!compute_cost (scan, target, error))
            return FALSE;
          cost += g_array_index (scan->nodes, Node, target).cost;
          chain = MAX (chain, g_array_index (scan->nodes, Node, target).chain + 1);
          node = &g_array_index (scan->nodes, Node, i);
          if (chain > BAKEN_ICON_CHECK_MAX_USE_DEPTH)
            return refuse (error, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT,
                           "the icon's <use> elements refer to each other more than %d deep",
                           BAKEN_ICON_CHECK_MAX_USE_DEPTH);
        }
    }

  if (cost > BAKEN_ICON_CHECK_MAX_EXPANDED)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT,
                   "the icon's <use> elements multiply into more than %d elements",
                   BAKEN_ICON_CHECK_MAX_EXPANDED);
  node->cost = cost;
  node->chain = chain;
  node->state = 2;
  return TRUE;
}

static void
clear_node (Node *node)
{
  g_free (node->id);
  g_free (node->use_target);
}

/* The line where the element the parser is in (or just read) starts: GMarkup's
 * position is already past its start tag. */
static int
element_line (GMarkupParseContext *context,
              const char          *data,
              gsize                length)
{
  int line = 1, column = 1;
  gsize offset = 0;
  int at = 1;

  g_markup_parse_context_get_position (context, &line, &column);
  for (; offset < length && at < line; offset++)
    if (data[offset] == '\n')
      at++;
  for (int c = 1; c < column && offset < length && data[offset] != '\n'; c++)
    offset = g_utf8_next_char (data + offset) - data;
  while (offset > 0 && (offset >= length || data[offset] != '<'))
    offset--;

  line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

gboolean
baken_icon_check_scan (GBytes  *svg,
                       GError **error)
{
  return baken_icon_check_scan_at (svg, NULL, error);
}

gboolean
baken_icon_check_scan_at (GBytes  *svg,
                          int     *line,
                          GError **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, passthrough, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  Scan scan = { nodes, stack, ids, 0, FALSE, FALSE };
  const char *data;
  gsize length;

  g_return_val_if_fail (svg != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (line != NULL)
    *line = 0;
  g_array_set_clear_func (nodes, (GDestroyNotify) clear_node);
  data = g_bytes_get_data (svg, &length);
  if (length > BAKEN_ICON_CHECK_MAX_BYTES)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_TOO_BIG,
                   "the icon is %" G_GSIZE_FORMAT " bytes; at most %d are allowed",
                   length, BAKEN_ICON_CHECK_MAX_BYTES);
  if (length == 0 || !g_utf8_validate_len (data, length, NULL))
    return refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG,
                   "the icon is empty or not UTF-8 text");

  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (line != NULL)
        *line = element_line (context, data, length);
      if (local_error->domain == BAKEN_ICON_CHECK_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG,
                "the icon is not well-formed SVG: %s", local_error->message);
      return FALSE;
    }
  if (!scan.seen_root)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_NOT_SVG, "the icon has no <svg> element");

  for (guint i = 0; i < nodes->len; i++)
    if (!compute_cost (&scan, (int) i, error))
      return FALSE;

  return TRUE;
}

gboolean
baken_icon_check (GBytes  *svg,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgHandle *handle;
  double width = 0, height = 0;
  gboolean has_size;
  cairo_surface_t *surface;

  g_return_val_if_fail (svg != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!baken_icon_check_scan (svg, error))
    return FALSE;

  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                      &local_error);
  if (handle == NULL)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_RENDER,
                   "librsvg cannot read the icon: %s", local_error->message);
  has_size = rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height);
  g_object_unref (handle);
  if (has_size && (!isfinite (width) || !isfinite (height) ||
                   width > BAKEN_ICON_CHECK_MAX_DIMENSION ||
                   height > BAKEN_ICON_CHECK_MAX_DIMENSION))
    return refuse (error, BAKEN_ICON_CHECK_ERROR_DIMENSIONS,
                   "the icon is %g × %g pixels; at most %d are allowed",
                   width, height, BAKEN_ICON_CHECK_MAX_DIMENSION);

  surface = baken_icon_render_data (svg, BAKEN_ICON_CHECK_RENDER_SIZE, &local_error);
  if (surface == NULL)
    return refuse (error, BAKEN_ICON_CHECK_ERROR_RENDER,
                   "the icon cannot be drawn: %s", local_error->message);
  cairo_surface_destroy (surface);
  return TRUE;
}
