/* test-a11y.c: read aloud, text size, contrast, reach, languages and right-to-left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui-test-util.h"


#include "baken-home-page.h"
#include "baken-icon.h"
#include "baken-languages.h"
#include "baken-reach-bin.h"
#include "baken-speaker.h"
#include "baken-text-size.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size portrait = { 1080, 1920 };
static const Size landscape = { 1920, 1080 };

/* All six languages; 20 s + 5 s become 1 s + 0.25 s at IDLE_SCALE. */
static const char six_config[] =
  "[kiosk]\n"
  "languages = nl;en;ar;tr;pl;uk\n"
  "[idle]\n"
  "timeout = 20\n"
  "countdown = 5\n";

#define IDLE_SCALE 0.05

static GtkWidget *
reach_bin (BakenWindow *window)
{
  GtkWidget *bin = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_REACH_BIN);

  g_assert_nonnull (bin);

  return bin;
}

/* The y of the top of widget in the window. */
static double
top_of (GtkWidget   *widget,
        BakenWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));

  return bounds.origin.y;
}

static gboolean
any_icon_high_contrast (GtkWidget *root)
{
  if (BAKEN_IS_ICON (root) && gtk_widget_get_mapped (root) &&
      baken_icon_get_drawn_high_contrast (BAKEN_ICON (root)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (any_icon_high_contrast (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
at_home_in_dutch (gpointer data)
{
  BakenWindow *window = data;
  g_autofree char *location = baken_window_dup_location (window);

  return g_str_equal (location, "home") &&
         g_str_equal (baken_window_get_language (window), "nl") &&
         !baken_window_get_idle_prompt_visible (window);
}

/* Every toggle changes the window, and the reset between residents undoes all. */
static void
test_toggles_and_reset (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  GtkWidget *topbar, *bar;
  BakenSpeaker *speaker;
  BakenWindow *window;
  double topbar_before;

  window = ui_test_window_new (config, FALSE, IDLE_SCALE, portrait.width, portrait.height);
  speaker = baken_window_get_speaker (window);
  topbar = ui_test_find_by_css_class (GTK_WIDGET (window), "topbar")->pdata[0];
  bar = ui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("BakenA11yBar"));
  g_assert_nonnull (bar);
  topbar_before = top_of (topbar, window);
  g_assert_cmpfloat (topbar_before, ==, 0);

  /* Read aloud: the speaker gets the text of Home at once. */
  g_assert_null (baken_speaker_get_text (speaker));
  ui_test_activate (window, "a11y.read-aloud", NULL);
  g_assert_nonnull (baken_speaker_get_text (speaker));
  g_assert_true (g_str_has_prefix (baken_speaker_get_text (speaker),
                                   "Waar kunt u hulp bij gebruiken?\n"));
  g_assert_cmpstr (baken_speaker_get_language (speaker), ==, "nl");

  /* Low reach: the page starts a third down, the top bar comes down under it. */
  ui_test_activate (window, "a11y.low-reach", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "low-reach"));
  g_assert_cmpint (baken_reach_bin_get_offset (BAKEN_REACH_BIN (reach_bin (window))), >, 0);
  g_assert_cmpfloat (top_of (gtk_widget_get_first_child (reach_bin (window)), window), >=,
                     portrait.height / 3 - 1);
  g_assert_cmpfloat (top_of (topbar, window), >, portrait.height / 2);
  g_assert_cmpfloat (top_of (topbar, window), <, top_of (bar, window));

  /* Text size: a class per step on the window. */
  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_LARGE));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "text-large"));
  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_VERY_LARGE));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "text-large"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "text-very-large"));
  /* Home at the largest text needs the whole height; other pages stay low. */
  g_assert_cmpint (baken_reach_bin_get_offset (BAKEN_REACH_BIN (reach_bin (window))), ==, 0);

  /* High contrast: the class, its style sheet on the display, recoloured icons. */
  g_assert_false (any_icon_high_contrast (GTK_WIDGET (window)));
  ui_test_activate (window, "a11y.high-contrast", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "high-contrast"));
  g_assert_nonnull (g_object_get_data (G_OBJECT (gtk_widget_get_display (GTK_WIDGET (window))),
                                       "baken-high-contrast"));
  g_assert_true (any_icon_high_contrast (GTK_WIDGET (window)));

  /* Arabic: right to left. */
  ui_test_activate (window, "kiosk.language", g_variant_new_string ("ar"));
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  /* The Home tiles mirror too: the first life event is at the right of its row. */
  {
    g_autoptr(GPtrArray) tiles = ui_test_find_by_css_class (GTK_WIDGET (window), "tile");
    graphene_rect_t first, second;

    g_assert_cmpuint (tiles->len, >=, 2);
    g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (tiles, 0),
                                              GTK_WIDGET (window), &first));
    g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (tiles, 1),
                                              GTK_WIDGET (window), &second));
    g_assert_cmpfloat (first.origin.y, ==, second.origin.y);
    g_assert_cmpfloat (first.origin.x, >, second.origin.x);
  }
  /* Reading aloud follows the language at once. */
  g_assert_cmpstr (baken_speaker_get_language (speaker), ==, "ar");
  g_assert_true (g_str_has_prefix (baken_speaker_get_text (speaker), "بماذا تحتاج المساعدة؟\n"));

  /* The resident leaves: the prompt is read too, then everything goes back. */
  /* Not settled: the countdown is a quarter of a second here. */
  g_assert_true (baken_window_open (window, "idle:prompt", NULL));
  g_assert_true (baken_window_get_idle_prompt_visible (window));
  g_assert_true (g_str_has_prefix (baken_speaker_get_text (speaker), "هل ما زلت هنا؟\n"));
  g_assert_true (ui_test_wait (at_home_in_dutch, window, 5000));
  ui_test_settle (window);

  g_assert_null (baken_speaker_get_text (speaker));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "text-large"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "text-very-large"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "high-contrast"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "low-reach"));
  g_assert_false (any_icon_high_contrast (GTK_WIDGET (window)));
  g_assert_cmpint (baken_reach_bin_get_offset (BAKEN_REACH_BIN (reach_bin (window))), ==, 0);
  g_assert_cmpfloat (top_of (topbar, window), ==, topbar_before);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);

  /* And a new screen stays silent. */
  ui_test_activate (window, "kiosk.open-event", g_variant_new_string ("le-geld"));
  g_assert_null (baken_speaker_get_text (speaker));

  ui_test_window_destroy (window);
}

/* The language picker opens from the top bar with every language in its own script. */
static void
test_language_picker (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  static const char * const names[] = {
    "Nederlands", "English", "العربية", "Türkçe", "Polski", "Українська",
  };
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), "Українська"));

  ui_test_activate (window, "a11y.choose-language", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (ui_test_has_label (GTK_WIDGET (window), names[i]));
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), "Kies uw taal"));

  ui_test_activate (window, "kiosk.language", g_variant_new_string ("uk"));
  /* Chosen: the picker closes, the button says the language in its own script. */
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), "Українська"));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), "Türkçe"));
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), "З чим вам потрібна допомога?"));

  ui_test_window_destroy (window);
}

static GtkAccessible *
language_control (BakenWindow *window)
{
  g_autoptr(GPtrArray) found = ui_test_find_by_css_class (GTK_WIDGET (window),
                                                          "language-control");

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (GTK_IS_BUTTON (g_ptr_array_index (found, 0)));

  return GTK_ACCESSIBLE (g_ptr_array_index (found, 0));
}

/* The language control says what it does in the current language and in English, so
 * that a resident who does not read the current language still finds it. */
static void
test_language_control (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  static const struct
  {
    const char *language;
    const char *name;
    const char *description;
  } cases[] = {
    { "nl", "Taal kiezen, nu Nederlands / Choose language",
      "Kies hier de taal van het scherm / Choose the language of the screen here" },
    { "ar", "اختيار اللغة، الآن العربية / Choose language",
      "اختر هنا لغة الشاشة / Choose the language of the screen here" },
    { "uk", "Вибрати мову, зараз Українська / Choose language",
      "Тут виберіть мову екрана / Choose the language of the screen here" },
    { "en", "Choose language, now English", "Choose the language of the screen here" },
  };
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkAccessible *control;

      ui_test_activate (window, "kiosk.language", g_variant_new_string (cases[i].language));
      control = language_control (window);
      gtk_test_accessible_assert_property (control, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           cases[i].name);
      gtk_test_accessible_assert_property (control, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           cases[i].description);
      /* The globe is on the control, not beside it. */
      g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (control), BAKEN_TYPE_ICON));
    }

  ui_test_window_destroy (window);
}

/* The family of the font Pango set the first Arabic letter of label in. */
static char *
dup_arabic_family (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  char *family = NULL;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && family == NULL &&
          g_unichar_get_script (g_utf8_get_char (text + run->item->offset)) ==
          G_UNICODE_SCRIPT_ARABIC)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);

          family = g_strdup (pango_font_description_get_family (desc));
          pango_font_description_free (desc);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return family;
}

/* Arabic is set in Noto Sans Arabic (data/fontconfig, which the tests use as an
 * installed package does), not in the first sans font with Arabic letters. */
static void
test_arabic_font (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  g_autoptr(GPtrArray) labels = NULL;
  BakenWindow *window;
  guint checked = 0;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  ui_test_activate (window, "kiosk.language", g_variant_new_string ("ar"));
  labels = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      g_autofree char *family = dup_arabic_family (label);

      if (family == NULL)
        continue;
      if (!g_str_equal (family, "Noto Sans Arabic"))
        g_error ("“%s” is set in %s, not in Noto Sans Arabic", gtk_label_get_label (label),
                 family);
      checked++;
    }
  /* The heading, the tiles, the bars. */
  g_assert_cmpuint (checked, >=, 5);

  ui_test_window_destroy (window);
}

/* Arabic lists take the Arabic comma: "الهولندية، الإنجليزية والعربية". */
static void
test_list_punctuation (void)
{
  static const char * const codes[] = { "nl", "en", "ar", NULL };
  g_autofree char *arabic = NULL;
  g_autofree char *dutch = NULL;

  baken_language_apply ("ar");
  arabic = baken_language_format_list (codes);
  baken_language_apply ("nl");
  dutch = baken_language_format_list (codes);

  g_assert_nonnull (strstr (arabic, "، "));
  g_assert_null (strstr (arabic, ","));
  g_assert_cmpstr (dutch, ==, "Nederlands, Engels en Arabisch");
}

typedef struct
{
  const char *language;
  const char *home;      /* the start of the text of Home */
  const char *event;     /* the start of the text of le-geld */
  const char *service[4];  /* lines in the text of svc-schuldhulp */
  const char *prompt;    /* the text of the prompt at 5 seconds */
} SpeechCase;

static const SpeechCase speech_cases[] = {
  {
    "nl",
    "Waar kunt u hulp bij gebruiken?\nGeldzorgen en schulden.\nBrief niet begrepen.\n",
    "Geldzorgen en schulden.\nWat past het best bij u?\n",
    {
      "Gemeente Voorbeeldstad.\nHulp bij schulden.\n",
      "Hier helpen ze u mee: Wij helpen u als u schulden heeft of uw rekeningen niet kunt "
      "betalen. Samen maken we een plan voor uw geld.\n",
      "Zo bereikt u ze.\nBellen: 0 3 0, 5 5 5, 0 1, 2 3.\n",
      "Bellen kost niets extra.\n",
    },
    "Bent u er nog?\nOver 5 seconden gaat het scherm terug naar het begin.\n"
    "Ja, ik wil meer tijd.\n",
  },
  {
    "en",
    "What do you need help with?\nMoney worries and debts.\nLetter not understood.\n",
    "Money worries and debts.\nWhat fits you best?\n",
    {
      "Help with debts.\n",
      "What they help with: We help you if you have debts or cannot pay your bills. "
      "Together we make a plan for your money.\n",
      "How to reach them.\nCall: 0 3 0, 5 5 5, 0 1, 2 3.\n",
      "Municipality of Voorbeeldstad.\n",
    },
    "Are you still there?\nIn 5 seconds the screen goes back to the start.\n"
    "Yes, I need more time.\n",
  },
  /* Arabic and Ukrainian: the texts from translations.csv and the po files (the
   * organisation's own name in it stays Dutch), numbers are read digit by digit as
   * everywhere. */
  {
    "ar",
    "بماذا تحتاج المساعدة؟\nالهموم المالية والديون.\nلم أفهم رسالة.\n",
    "الهموم المالية والديون.\nما الذي يناسبك أكثر؟\n",
    {
      "بلدية Voorbeeldstad.\nالمساعدة في الديون.\n",
      "هذا ما يساعدونك فيه: نساعدك إذا كانت عليك ديون أو لا تستطيع دفع فواتيرك. "
      "نضع معًا خطة لمالك.\n",
      "طرق التواصل معهم.\nاتصال هاتفي: 0 3 0, 5 5 5, 0 1, 2 3.\n",
      "الاتصال لا يكلّف شيئًا إضافيًا.\n",
    },
    "هل ما زلت هنا؟\nبعد 5 ثوانٍ تعود الشاشة إلى البداية.\nنعم، أحتاج وقتًا أطول.\n",
  },
  {
    "uk",
    "З чим вам потрібна допомога?\nГроші та борги.\nНезрозумілий лист.\n",
    "Гроші та борги.\nЩо вам найбільше підходить?\n",
    {
      "Муніципалітет Voorbeeldstad.\nДопомога з боргами.\n",
      "З чим вам допоможуть: Ми допоможемо, якщо у вас борги або ви не можете оплатити "
      "рахунки. Разом ми складемо план для ваших грошей.\n",
      "Як з ними зв'язатися.\nЗателефонувати: 0 3 0, 5 5 5, 0 1, 2 3.\n",
      "За дзвінок не треба платити нічого додатково.\n",
    },
    "Ви ще тут?\nЧерез 5 секунд екран повернеться на початок.\n"
    "Так, мені потрібно більше часу.\n",
  },
};

static void
assert_has_prefix (const char *text,
                   const char *prefix)
{
  if (!g_str_has_prefix (text, prefix))
    g_error ("“%s”\ndoes not start with\n“%s”", text, prefix);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s”\ndoes not contain\n“%s”", text, part);
}

/* What the speech engine gets for Home, a life event, a service and the prompt. */
static void
test_speech_text (gconstpointer data)
{
  const SpeechCase *expected = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  BakenSpeaker *speaker;
  BakenWindow *window;
  const char *text;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  speaker = baken_window_get_speaker (window);
  ui_test_activate (window, "kiosk.language", g_variant_new_string (expected->language));
  ui_test_activate (window, "a11y.read-aloud", NULL);

  /* Home: the question, then one line per tile. */
  text = baken_speaker_get_text (speaker);
  assert_has_prefix (text, expected->home);
  events = baken_catalog_get_life_events (baken_context_get_catalog (baken_window_get_context (window)),
                                          NULL, expected->language, &error);
  g_assert_no_error (error);
  home = baken_window_dup_speech_text (window);
  g_assert_cmpstr (home, ==, text);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    /* The question, the tiles, and the empty string after the last newline. */
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + events->len + 1);
  }
  g_assert_cmpstr (baken_speaker_get_language (speaker), ==, expected->language);

  /* A new screen replaces the text. */
  ui_test_activate (window, "kiosk.open-event", g_variant_new_string ("le-geld"));
  assert_has_prefix (baken_speaker_get_text (speaker), expected->event);

  ui_test_activate (window, "kiosk.open-service", g_variant_new_string ("svc-schuldhulp"));
  text = baken_speaker_get_text (speaker);
  for (guint i = 0; i < G_N_ELEMENTS (expected->service); i++)
    assert_contains (text, expected->service[i]);
  /* Never the staff line. */
  g_assert_null (strstr (text, "0 9, 2 3"));

  g_assert_true (baken_window_open (window, "idle:prompt", NULL));
  g_assert_cmpstr (baken_speaker_get_text (speaker), ==, expected->prompt);

  ui_test_window_destroy (window);
}

typedef struct
{
  BakenSpeaker *speaker;
  const char   *part;
} SpeechCheck;

static gboolean
speech_contains (gpointer data)
{
  SpeechCheck *check = data;
  const char *text = baken_speaker_get_text (check->speaker);

  return text != NULL && strstr (text, check->part) != NULL;
}

/* The slip is read before it prints: its own texts, not the picture of it; then what
 * happened is said without a tap: printed, or why not. */
static void
test_speech_slip (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  SpeechCheck said;
  BakenSpeaker *speaker;
  BakenWindow *window;
  const char *text;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", folder, TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");
  speaker = baken_window_get_speaker (window);
  ui_test_activate (window, "a11y.read-aloud", NULL);
  ui_test_open (window, "event:le-geld");
  ui_test_open (window, "print:svc-schuldhulp");

  text = baken_speaker_get_text (speaker);
  g_test_message ("%s", text);
  assert_has_prefix (text, "Zo ziet uw briefje eruit.\nGeldzorgen en schulden.\n"
                           "Hulp bij schulden.\nGemeente Voorbeeldstad.\n");
  assert_contains (text, "Wij helpen u als u schulden heeft of uw rekeningen niet kunt "
                         "betalen.");
  assert_contains (text, "Wat neemt u mee?\nUw ID-kaart, paspoort of verblijfsdocument.\n");
  assert_contains (text, ": 0 3 0, 5 5 5, 0 1, 2 3.\n");
  assert_contains (text, "Dit briefje bevat geen persoonlijke gegevens.\n");
  g_assert_true (g_str_has_suffix (text, "\nPrinten.\n"));
  /* Never a staff number. */
  g_assert_null (strstr (text, "0 9, 2 3"));

  ui_test_press_print (window);
  said = (SpeechCheck) { speaker, "Neem uw briefje uit de printer" };
  g_assert_true (ui_test_wait (speech_contains, &said, 10000));
  ui_test_window_destroy (window);

  /* No print service answers: the check before printing fails, and says so. */
  g_setenv ("CUPS_SERVER", "127.0.0.1:9", TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  speaker = baken_window_get_speaker (window);
  ui_test_activate (window, "a11y.read-aloud", NULL);
  ui_test_open (window, "print:svc-schuldhulp");
  said = (SpeechCheck) { speaker, "De printer doet het nu niet.\n"
                                  "Vraag het aan de medewerker bij de balie.\n" };
  g_assert_true (ui_test_wait (speech_contains, &said, 5000));
  ui_test_window_destroy (window);
  g_unsetenv ("CUPS_SERVER");
}

/* espeak-ng says it: a WAV file with audio in it, for each of the six voices. */
static void
test_speech_wav (void)
{
  static const struct {
    const char *language;
    const char *text;
  } cases[] = {
    { "nl", "Waar kunt u hulp bij gebruiken?" },
    { "en", "What do you need help with?" },
    { "ar", "بماذا تحتاج المساعدة؟" },
    { "tr", "Hangi konuda yardıma ihtiyacınız var?" },
    { "pl", "W czym potrzebujesz pomocy?" },
    { "uk", "З чим вам потрібна допомога?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "speech.wav", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize len = 0;
      guint32 data_size, rate;
      guint loud = 0;

      g_assert_true (baken_speaker_synthesize_wav (cases[i].text, cases[i].language, path,
                                                   &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, &len, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (len, >, 44);
      g_assert_cmpmem (data, 4, "RIFF", 4);
      g_assert_cmpmem (data + 8, 8, "WAVEfmt ", 8);
      g_assert_cmpmem (data + 36, 4, "data", 4);
      memcpy (&rate, data + 24, 4);
      memcpy (&data_size, data + 40, 4);
      g_assert_cmpuint (GUINT32_FROM_LE (rate), >=, 16000);
      g_assert_cmpuint (GUINT32_FROM_LE (data_size), ==, len - 44);

      /* At least half a second of sound, and not silence. */
      g_assert_cmpuint (len - 44, >, GUINT32_FROM_LE (rate));
      for (gsize j = 44; j + 1 < len; j += 2)
        {
          gint16 sample;

          memcpy (&sample, data + j, 2);
          sample = GINT16_FROM_LE (sample);
          if (ABS (sample) > 1000)
            loud++;
        }
      g_test_message ("%s: %zu bytes, %u loud samples", cases[i].language, len, loud);
      g_assert_cmpuint (loud, >, 1000);
      g_unlink (path);
    }

  g_assert_null (baken_speaker_get_voice ("xx"));
}

/* The scaled style sheet: every font size times the factor, under the window class. */
static void
test_text_size_css (void)
{
  static const char css[] =
    "/* comment { font-size: 10px } */\n"
    "@define-color accent #123456;\n"
    "bakenwindow { font-size: 26px; color: red; }\n"
    "bakenwindow label { line-height: 1.3; }\n"
    ".tile-label { font-size: 30px; min-height: 78px; }\n"
    "button.nav, .page-title { min-height: 96px; font-size: 44px; }\n";
  g_autofree char *scaled = baken_text_size_scale_css (css, "bakenwindow", "text-big", 1.5);

  g_assert_cmpstr (scaled, ==,
                   "bakenwindow.text-big {\n  font-size: 39px;\n}\n\n"
                   "bakenwindow.text-big .tile-label {\n  font-size: 45px;\n  min-height: 117px;\n}\n\n"
                   "bakenwindow.text-big button.nav,\nbakenwindow.text-big .page-title {\n"
                   "  font-size: 66px;\n}\n\n");
}

typedef struct
{
  const Size *size;
  const char *language;
} WalkCase;

/* At the largest text size every label of the demo walk is drawn whole. */
static void
test_largest_text_fits (gconstpointer data)
{
  const WalkCase *walk = data;
  static const char * const screens[] = {
    NULL,
    "event:le-geld",
    "services:le-geld-rekeningen",
    "service:svc-schuldhulp",
    "print:svc-schuldhulp",
    "search",
    "search:deurwaarder",
    "search:qxzvw",
    "a11y:languages",
    "idle:prompt",
  };
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, walk->size->width, walk->size->height);
  ui_test_activate (window, "kiosk.language", g_variant_new_string (walk->language));
  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_VERY_LARGE));

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      guint n_checked = 0;
      GtkWidget *bin;

      if (screens[i] != NULL)
        ui_test_open (window, screens[i]);

      /* Who asks for how much width, for when the next assertion fails (the idle
       * prompt hides the page and its bars). */
      bin = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_REACH_BIN);
      for (GtkWidget *row = bin != NULL ? gtk_widget_get_first_child (gtk_widget_get_parent (bin))
                                        : NULL;
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          int min_w;

          gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
          g_test_message ("%s needs %d px wide", G_OBJECT_TYPE_NAME (row), min_w);
        }

      /* The window kept its size: nothing asked for more than the screen. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, walk->size->width);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, walk->size->height);

      n_checked = ui_test_assert_labels_whole (window, screens[i] != NULL ? screens[i] : "home");
      g_test_message ("%s: %u labels whole", screens[i] != NULL ? screens[i] : "home",
                      n_checked);
      /* The prompt alone: its question, countdown and button. */
      if (screens[i] != NULL && g_str_equal (screens[i], "idle:prompt"))
        g_assert_cmpuint (n_checked, >=, 3);
      else
        g_assert_cmpuint (n_checked, >, 5);

      if (screens[i] != NULL && g_str_equal (screens[i], "a11y:languages"))
        ui_test_activate (window, "a11y.close-languages", NULL);
    }

  ui_test_window_destroy (window);
}

/* The shown page's heading: the first drawn label styled as a page title. */
static const char *
page_heading (GtkWidget *page)
{
  g_autoptr(GPtrArray) titles = ui_test_find_by_css_class (page, "page-title");

  g_assert_cmpuint (titles->len, >, 0);

  return gtk_label_get_text (g_ptr_array_index (titles, 0));
}

/* Assistive technology hears the page's heading, in the current language, not
 * "GtkStackPage panel": on the page and on its stack page. */
static void
assert_page_named (BakenWindow *window,
                   const char  *screen)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK));
  GtkWidget *page = gtk_stack_get_visible_child (stack);
  GtkStackPage *stack_page = gtk_stack_get_page (stack, page);
  const char *heading = page_heading (page);
  g_autofree char *on_page = NULL;
  g_autofree char *on_stack_page = NULL;

  on_page = gtk_test_accessible_check_property (GTK_ACCESSIBLE (page),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, heading);
  on_stack_page = gtk_test_accessible_check_property (GTK_ACCESSIBLE (stack_page),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                      heading);
  if (on_page != NULL || on_stack_page != NULL)
    g_error ("%s: the page is not named “%s”: page %s, stack page %s", screen, heading,
             on_page != NULL ? on_page : "ok", on_stack_page != NULL ? on_stack_page : "ok");
  g_assert_cmpstr (gtk_stack_page_get_title (stack_page), ==, heading);
  g_test_message ("%s: “%s”", screen, heading);
}

static void
test_page_names (void)
{
  static const char * const screens[] = {
    "event:le-geld", "services:le-geld-rekeningen", "service:svc-schuldhulp", "search",
    "print:svc-schuldhulp",
  };
  g_autoptr(BakenConfig) config = ui_test_config_new (six_config);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  BakenWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", folder, TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");

  for (guint l = 0; l < 2; l++)
    {
      ui_test_open (window, l == 0 ? "lang:nl" : "lang:ar");
      if (l > 0)
        ui_test_activate (window, "kiosk.home", NULL);
      assert_page_named (window, "home");
      for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
        {
          ui_test_open (window, screens[i]);
          assert_page_named (window, screens[i]);
        }
    }

  /* The slip printed: the page says so, and so does its name. */
  ui_test_wait_preview (window);
  ui_test_press_print (window);
  ui_test_wait_print_state (window, "done", 10000);
  ui_test_settle (window);
  assert_page_named (window, "printed");

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Every language in both orientations: the longest words differ per language. */
  static const WalkCase walks[] = {
    { &portrait, "nl" }, { &landscape, "nl" },
    { &portrait, "en" }, { &landscape, "en" },
    { &portrait, "ar" }, { &landscape, "ar" },
    { &portrait, "tr" }, { &landscape, "tr" },
    { &portrait, "pl" }, { &landscape, "pl" },
    { &portrait, "uk" }, { &landscape, "uk" },
  };

  /* The window's speaker only records; the WAV test uses the engine. */
  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  /* GTK keeps the accessible properties where a test can read them (the suite's
   * GTK_A11Y=none keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/a11y/toggles-and-reset", test_toggles_and_reset);
  g_test_add_func ("/ui/a11y/language-picker", test_language_picker);
  g_test_add_func ("/ui/a11y/language-control", test_language_control);
  g_test_add_func ("/ui/a11y/list-punctuation", test_list_punctuation);
  g_test_add_func ("/ui/a11y/arabic-font", test_arabic_font);
  g_test_add_func ("/ui/a11y/page-names", test_page_names);
  for (guint i = 0; i < G_N_ELEMENTS (speech_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/a11y/speech-text/%s",
                                               speech_cases[i].language);

      g_test_add_data_func (name, &speech_cases[i], test_speech_text);
    }
  g_test_add_func ("/ui/a11y/speech-wav", test_speech_wav);
  g_test_add_func ("/ui/a11y/speech-slip", test_speech_slip);
  g_test_add_func ("/ui/a11y/text-size-css", test_text_size_css);
  for (guint i = 0; i < G_N_ELEMENTS (walks); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/a11y/largest-text-fits/%s/%s",
                                               walks[i].size == &portrait ? "portrait"
                                                                          : "landscape",
                                               walks[i].language);

      g_test_add_data_func (name, &walks[i], test_largest_text_fits);
    }

  return g_test_run ();
}
