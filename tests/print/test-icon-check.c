/* test-icon-check.c: tests for the SVG icon check and its helper process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-icon-check.h"
#include "test-util.h"

#define SVG_OPEN "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 48 48\""

typedef struct
{
  const char *name;
  const char *svg;
  int         code;   /* -1: accepted */
} IconCase;

static const IconCase cases[] = {
  { "plain", SVG_OPEN "><circle cx=\"24\" cy=\"24\" r=\"20\" fill=\"#1c71d8\"/></svg>", -1 },
  { "xml-declaration", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" SVG_OPEN " width=\"48\" height=\"48px\"><rect width=\"10\" height=\"10\"/></svg>", -1 },
  { "doctype-public", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" SVG_OPEN "><rect width=\"10\" height=\"10\"/></svg>", -1 },
  { "internal-references", SVG_OPEN "><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient><path id=\"p\" d=\"M0 0L10 10\"/></defs><use href=\"#p\"/><use xlink:href=\"#p\" x=\"5\"/><rect width=\"9\" height=\"9\" fill=\"url(#g)\" style=\"stroke: url('#g')\"/></svg>", -1 },
  { "comment-and-style", SVG_OPEN "><!-- drawn by hand --><style>.a { fill: #333; }</style><rect class=\"a\" width=\"9\" height=\"9\"/></svg>", -1 },

  { "external-href", SVG_OPEN "><image href=\"https://example.org/x.png\" width=\"9\" height=\"9\"/></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-xlink-file", SVG_OPEN "><use xlink:href=\"other.svg#a\"/></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-data-uri", SVG_OPEN "><image href=\"data:image/png;base64,AAAA\" width=\"9\" height=\"9\"/></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-url-attribute", SVG_OPEN "><rect width=\"9\" height=\"9\" fill=\"url(http://example.org/p.svg#g)\"/></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-url-style", SVG_OPEN "><style>rect { fill: url( 'file:///etc/passwd' ) }</style><rect width=\"9\" height=\"9\"/></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-import", SVG_OPEN "><style>@import \"https://example.org/a.css\";</style></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-stylesheet-pi", "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"https://example.org/a.css\"?>\n" SVG_OPEN "/>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },
  { "external-cdata", SVG_OPEN "><style><![CDATA[ rect { fill: url(https://example.org/a) } ]]></style></svg>", BAKEN_ICON_CHECK_ERROR_EXTERNAL },

  { "entity-bomb", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n" SVG_OPEN "><text>&d;</text></svg>", BAKEN_ICON_CHECK_ERROR_ENTITY },
  { "entity-external", "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" SVG_OPEN "><text>&x;</text></svg>", BAKEN_ICON_CHECK_ERROR_ENTITY },

  { "script", SVG_OPEN "><script>alert(1)</script></svg>", BAKEN_ICON_CHECK_ERROR_SCRIPT },
  { "script-prefixed", SVG_OPEN " xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></svg>", BAKEN_ICON_CHECK_ERROR_SCRIPT },
  { "onload", SVG_OPEN " onload=\"alert(1)\"/>", BAKEN_ICON_CHECK_ERROR_SCRIPT },
  { "foreign-object", SVG_OPEN "><foreignObject width=\"9\" height=\"9\"><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject></svg>", BAKEN_ICON_CHECK_ERROR_SCRIPT },

  { "width-100000", SVG_OPEN " width=\"100000\" height=\"48\"/>", BAKEN_ICON_CHECK_ERROR_DIMENSIONS },
  { "width-100000px", SVG_OPEN " width=\"100000px\" height=\"48\"/>", BAKEN_ICON_CHECK_ERROR_DIMENSIONS },
  { "height-in-cm", SVG_OPEN " width=\"48\" height=\"2000cm\"/>", BAKEN_ICON_CHECK_ERROR_DIMENSIONS },
  { "width-exponent", SVG_OPEN " width=\"1e9\" height=\"48\"/>", BAKEN_ICON_CHECK_ERROR_DIMENSIONS },

  { "use-cycle", SVG_OPEN "><g id=\"a\"><use href=\"#a\"/></g></svg>", BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT },
  { "use-mutual-cycle", SVG_OPEN "><defs><g id=\"a\"><use href=\"#b\"/></g><g id=\"b\"><use href=\"#a\"/></g></defs><use href=\"#a\"/></svg>", BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT },

  { "not-svg-root", "<html><body/></html>", BAKEN_ICON_CHECK_ERROR_NOT_SVG },
  { "not-well-formed", SVG_OPEN "><rect></svg>", BAKEN_ICON_CHECK_ERROR_NOT_SVG },
  { "unknown-entity", SVG_OPEN "><text>&nbsp;</text></svg>", BAKEN_ICON_CHECK_ERROR_NOT_SVG },
  { "invalid-utf8", SVG_OPEN "><text>\xff</text></svg>", BAKEN_ICON_CHECK_ERROR_NOT_SVG },
  { "empty", "", BAKEN_ICON_CHECK_ERROR_NOT_SVG },
};

/* A <use> "billion laughs": each level uses the previous one ten times. */
static char *
use_fan_out (guint levels,
             guint width)
{
  GString *svg = g_string_new (SVG_OPEN "><defs><path id=\"l0\" d=\"M0 0h1v1z\"/>");

  for (guint level = 1; level <= levels; level++)
    {
      g_string_append_printf (svg, "<g id=\"l%u\">", level);
      for (guint i = 0; i < width; i++)
        g_string_append_printf (svg, "<use href=\"#l%u\"/>", level - 1);
      g_string_append (svg, "</g>");
    }
  g_string_append_printf (svg, "</defs><use href=\"#l%u\"/></svg>", levels);
  return g_string_free (svg, FALSE);
}

static void
assert_check (const char *svg_text,
              int         code)
{
  g_autoptr(GBytes) svg = g_bytes_new (svg_text, strlen (svg_text));
  g_autoptr(GError) error = NULL;
  gboolean ok = baken_icon_check (svg, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, BAKEN_ICON_CHECK_ERROR, code);
      g_assert_false (ok);
      g_test_message ("%s", error->message);
    }
}

static void
test_case (gconstpointer data)
{
  const IconCase *c = data;

  assert_check (c->svg, c->code);
}

static void
test_use_fan_out (void)
{
  g_autofree char *bomb = use_fan_out (6, 10);      /* 10^6 paths */
  g_autofree char *small = use_fan_out (2, 10);     /* 100 paths: fine */

  assert_check (small, -1);
  assert_check (bomb, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT);
}

static void
test_use_deep_chain (void)
{
  g_autofree char *chain = use_fan_out (BAKEN_ICON_CHECK_MAX_USE_DEPTH + 2, 1);

  assert_check (chain, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT);
}

static void
test_use_too_many (void)
{
  g_autoptr(GString) svg = g_string_new (SVG_OPEN "><path id=\"p\" d=\"M0 0h1v1z\"/>");

  for (guint i = 0; i <= BAKEN_ICON_CHECK_MAX_USE; i++)
    g_string_append (svg, "<use href=\"#p\"/>");
  g_string_append (svg, "</svg>");
  assert_check (svg->str, BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT);
}

static void
test_too_big (void)
{
  g_autoptr(GString) svg = g_string_new (SVG_OPEN ">");

  while (svg->len <= BAKEN_ICON_CHECK_MAX_BYTES)
    g_string_append (svg, "<!-- padding padding padding padding -->");
  g_string_append (svg, "</svg>");
  assert_check (svg->str, BAKEN_ICON_CHECK_ERROR_TOO_BIG);
}

static void
test_too_deep (void)
{
  g_autoptr(GString) svg = g_string_new (SVG_OPEN ">");

  for (guint i = 0; i < BAKEN_ICON_CHECK_MAX_DEPTH + 1; i++)
    g_string_append (svg, "<g>");
  for (guint i = 0; i < BAKEN_ICON_CHECK_MAX_DEPTH + 1; i++)
    g_string_append (svg, "</g>");
  g_string_append (svg, "</svg>");
  assert_check (svg->str, BAKEN_ICON_CHECK_ERROR_COMPLEXITY);
}

/* The helper process: the protocol of baken-bundle.h. */

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "tools", "baken-icon-check", NULL);
}

static int
run_helper (const char  *input,
            gsize        length,
            char       **output)
{
  g_autofree char *helper = helper_path ();
  const char * const argv[] = { helper, NULL };
  g_autoptr(GBytes) in = g_bytes_new (input, length);
  int status = baken_test_run_with_input (argv, NULL, FALSE, in, output);

  g_assert_cmpint (status, >=, 0);
  return status;
}

static char *
frame (guint       index,
       const char *svg)
{
  return g_strdup_printf ("icon %u %zu\n%s", index, strlen (svg), svg);
}

static void
test_helper_all_good (void)
{
  g_autofree char *a = frame (0, cases[0].svg);
  g_autofree char *b = frame (1, cases[3].svg);
  g_autofree char *input = g_strconcat (a, b, NULL);
  g_autofree char *output = NULL;

  g_assert_cmpint (run_helper (input, strlen (input), &output), ==, 0);
  g_assert_cmpstr (output, ==, "ok 0\nok 1\n");
}

static void
test_helper_refuses (void)
{
  g_autofree char *a = frame (0, cases[0].svg);
  g_autofree char *b = frame (1, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" viewBox=\"0 0 1 1\"/>");
  g_autofree char *c = frame (2, cases[0].svg);
  g_autofree char *input = g_strconcat (a, b, c, NULL);
  g_autofree char *output = NULL;

  g_assert_cmpint (run_helper (input, strlen (input), &output), ==, 1);
  g_assert_true (g_str_has_prefix (output, "ok 0\nrefused 1 the icon is width=\"100000\""));
  g_assert_null (strstr (output, "ok 2"));
}

static void
test_helper_protocol_error (void)
{
  static const char *const inputs[] = {
    "icon 0 999\n<svg/>",            /* length beyond the input */
    "icon 1 6\n<svg/>",              /* index out of order */
    "picture 0 6\n<svg/>",           /* unknown header */
    "icon 0 6",                      /* no line end */
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *output = NULL;

      g_assert_cmpint (run_helper (inputs[i], strlen (inputs[i]), &output), ==, 2);
      g_assert_cmpstr (output, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/print/icon-check/%s/%s",
                                               cases[i].code < 0 ? "accepts" : "refuses",
                                               cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/print/icon-check/refuses/use-fan-out", test_use_fan_out);
  g_test_add_func ("/print/icon-check/refuses/use-deep-chain", test_use_deep_chain);
  g_test_add_func ("/print/icon-check/refuses/use-too-many", test_use_too_many);
  g_test_add_func ("/print/icon-check/refuses/too-big", test_too_big);
  g_test_add_func ("/print/icon-check/refuses/too-deep", test_too_deep);
  g_test_add_func ("/print/icon-check/helper/all-good", test_helper_all_good);
  g_test_add_func ("/print/icon-check/helper/refuses", test_helper_refuses);
  g_test_add_func ("/print/icon-check/helper/protocol-error", test_helper_protocol_error);

  return g_test_run ();
}
