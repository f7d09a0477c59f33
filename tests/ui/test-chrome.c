/* test-chrome.c: the bars around the page are built once per language and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A language switch showed newly built nav and accessibility bars each time (a third of
 * that tap, baken-window.c). Now each language's bars are built once and shown again:
 * the same widgets, in their own language, and the accessibility bar's text-size button
 * says what its next tap does at the text size chosen meanwhile in another language.
 */
#include "config.h"

#include "baken-a11y-bar.h"
#include "baken-nav-bar.h"

#include "ui-test-util.h"

static void
test_kept_per_language (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;en\n");
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GtkWidget *nav_nl = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR);
  GtkWidget *bar_nl = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_A11Y_BAR);
  GtkWidget *nav_en, *bar_en;

  g_assert_nonnull (nav_nl);
  g_assert_nonnull (bar_nl);
  g_assert_true (ui_test_has_label (bar_nl, "Grotere letters"));

  /* English: bars of its own, in English. */
  ui_test_activate (window, "kiosk.language", g_variant_new_string ("en"));
  ui_test_settle (window);
  nav_en = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR);
  bar_en = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_A11Y_BAR);
  g_assert_true (nav_en != nav_nl);
  g_assert_true (bar_en != bar_nl);
  g_assert_true (ui_test_has_label (bar_en, "Larger text"));

  /* The text size changes while in English: only the bar shown follows. */
  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_LARGE));
  ui_test_settle (window);
  g_assert_true (ui_test_has_label (bar_en, "Even larger text"));

  /* Back to Dutch: the Dutch bars, kept, and the text-size button at the large size. */
  ui_test_activate (window, "kiosk.language", g_variant_new_string ("nl"));
  ui_test_settle (window);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR) == nav_nl);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_A11Y_BAR) == bar_nl);
  g_assert_cmpint (baken_a11y_bar_get_text_size (BAKEN_A11Y_BAR (bar_nl)), ==,
                   BAKEN_TEXT_SIZE_LARGE);
  g_assert_true (ui_test_has_label (bar_nl, "Nog grotere letters"));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), "Larger text"));

  /* And English again: its kept bar catches up with the size chosen in Dutch. */
  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_NORMAL));
  ui_test_activate (window, "kiosk.language", g_variant_new_string ("en"));
  ui_test_settle (window);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_A11Y_BAR) == bar_en);
  g_assert_true (ui_test_has_label (bar_en, "Larger text"));

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/chrome/kept-per-language", test_kept_per_language);

  return g_test_run ();
}
