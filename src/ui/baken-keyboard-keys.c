/* baken-keyboard-keys.c: the keys of the on-screen keyboard, per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are built from the layout tables below: a row of digits and three rows of
 * letters on a grid of half-key columns (so the rows stagger as on a real keyboard), a
 * bottom row with the special keys, and a row of accented letters (the keyboard puts it
 * above them) that one key shows and hides (no long press: people do not know it, and
 * it cannot be seen).
 * Arabic letters are laid out right to left whatever the direction of the rest of the
 * screen; the Latin letters and the digits always left to right. The bottom row keeps
 * the direction of the language's own letters in both alphabets, so that no key moves
 * under a finger when the alphabet changes ("A B C" must not become "Alles wissen").
 */
#define G_LOG_DOMAIN "baken-keyboard"

#include "config.h"

#include "baken-keyboard-keys.h"

#include <glib/gi18n.h>

#include "baken-icon.h"
#include "baken-line.h"


typedef struct
{
  const char *code;
  const char *rows[3];   /* keys separated by spaces, in reading order */
  gboolean    rtl;
} Layout;

typedef struct
{
  const char *language;  /* NULL: the default */
  const char *keys;      /* separated by spaces */
  const char *label;     /* on the key that shows them, never translated */
} Accents;

static const Layout latin_layout =
  { "latin", { "q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m" }, FALSE };

static const Layout own_layouts[] = {
  /* ЙЦУКЕН; the apostrophe belongs to Ukrainian words (м'ясо). */
  { "uk", { "й ц у к е н г ш щ з х ї", "ф і в а п р о л д ж є", "я ч с м и т ь б ю ' ґ" },
    FALSE },
  /* The Arabic PC layout, from right to left. */
  { "ar", { "ض ص ث ق ف غ ع ه خ ح ج د", "ش س ي ب ل ا ت ن م ك ط", "ذ ئ ء ؤ ر لا ى ة و ز ظ" },
    TRUE },
};

static const Accents accents_table[] = {
  { "tr", "ç ğ ı ö ş ü â î", "ç ğ ş…" },
  { "pl", "ą ć ę ł ń ó ś ź ż", "ą ć ę…" },
  { "ar", "أ إ آ", "أ إ آ" },
  { "uk", NULL, NULL },
  /* Dutch, English and every other language in Latin letters. */
  { NULL, "é ë è ê á à ä ó ö ü ú ï í ç ñ", "é ë ï…" },
};

/* Digits are the same in every language, as the numbers in the content are: "112",
 * "030 555 01 23", "1234 AB". */
static const char digit_row[] = "1 2 3 4 5 6 7 8 9 0";

/* Width of the special keys, in half keys. */
#define SPECIAL_COLUMNS 3
#define CLEAR_COLUMNS   6  /* three keys: "Видалити все", "Wyczyść wszystko" */
#define MIN_SPACE_COLUMNS 4

static const Layout *
find_own_layout (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (own_layouts); i++)
    {
      if (g_strcmp0 (own_layouts[i].code, language) == 0)
        return &own_layouts[i];
    }

  return NULL;
}

static const Layout *
current_layout (const char *language,
                gboolean    latin)
{
  const Layout *own = find_own_layout (language);

  return own != NULL && !latin ? own : &latin_layout;
}

static const Accents *
current_accents (const char *language,
                 gboolean    latin)
{
  const Layout *layout = current_layout (language, latin);

  for (guint i = 0; i < G_N_ELEMENTS (accents_table); i++)
    {
      const Accents *accents = &accents_table[i];

      /* The Latin keys of an Arabic or Ukrainian resident get the default accents. */
      if (accents->language == NULL ||
          (layout != &latin_layout && g_strcmp0 (accents->language, layout->code) == 0) ||
          (layout == &latin_layout && find_own_layout (language) == NULL &&
           g_strcmp0 (accents->language, language) == 0))
        return accents->keys != NULL ? accents : NULL;
    }

  g_assert_not_reached ();
}

static GtkWidget *
create_letter_key (const char *letter)
{
  GtkWidget *button = gtk_button_new_with_label (letter);

  gtk_widget_add_css_class (button, "key");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "keyboard.type");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", letter);
  /* The label is the accessible name: the letter itself. */

  return button;
}

static GtkWidget *
create_special_key (GtkWidget  *button,
                    const char *css_class,
                    const char *action,
                    const char *accessible_name)
{
  gtk_widget_add_css_class (button, "key");
  gtk_widget_add_css_class (button, "special");
  gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);

  return button;
}

/* Attaches a key at a column counted in the row's own reading direction: mirrored when
 * the row reads the other way than the grid. */
static void
attach_key (GtkGrid   *grid,
            GtkWidget *key,
            int        column,
            int        row,
            int        width,
            int        columns,
            gboolean   mirror)
{
  gtk_grid_attach (grid, key, mirror ? columns - column - width : column, row, width, 1);
}

static void
attach_row (GtkGrid    *grid,
            const char *keys,
            int         row,
            int         columns,
            gboolean    mirror)
{
  g_auto(GStrv) letters = g_strsplit (keys, " ", -1);
  int n = (int) g_strv_length (letters);
  int column = columns - 2 * n;

  /* Centred: shorter rows start half a key further in per missing key. */
  column = MAX (column / 2, 0);
  for (int i = 0; i < n; i++, column += 2)
    attach_key (grid, create_letter_key (letters[i]), column, row, 2, columns, mirror);
}

/* The key that shows the accented letters: the letters, and under them what they are. */
static GtkWidget *
create_accents_key (const Accents *accents)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = baken_line_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  /* Centred by the line, not by valign (baken-line-layout.c). */
  g_object_set (box, "center", TRUE, NULL);
  baken_line_append (BAKEN_LINE (box), gtk_label_new (accents->label));
  /* Translators: a short word under the accented letters (é ë ï) on the key that shows
   * them on the on-screen keyboard; it says what the key is for */
  label = gtk_label_new (_("accenten"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "key-caption");
  baken_line_append (BAKEN_LINE (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  create_special_key (button, "accents", "keyboard.accents",
                      /* Translators: accessible name of the key that shows the row of
                       * letters with accents (é ë ï) on the on-screen keyboard */
                      _("Letters met accenten"));

  return button;
}

static void
attach_bottom_row (GtkGrid    *grid,
                   const char *language,
                   gboolean    latin,
                   int         row,
                   int         columns)
{
  const Layout *own = find_own_layout (language);
  const Accents *accents = current_accents (language, latin);
  /* In the direction of the language's own letters, whichever alphabet is shown. */
  gboolean mirror = (own != NULL && own->rtl) != current_layout (language, latin)->rtl;
  GtkWidget *button;
  int column = 0, space;

  space = columns - SPECIAL_COLUMNS - CLEAR_COLUMNS;
  if (own != NULL)
    space -= SPECIAL_COLUMNS;
  if (accents != NULL)
    space -= SPECIAL_COLUMNS;
  space = MAX (space, MIN_SPACE_COLUMNS);

  if (own != NULL)
    {
      /* Shows the other alphabet: "ABC" on the own letters, the own letters on ABC. */
      button = gtk_toggle_button_new_with_label (latin
                                                 ? (own->rtl ? "أ ب ت" : "А Б В")
                                                 : "A B C");
      create_special_key (button, "alphabet", "keyboard.latin",
                          latin
                          /* Translators: accessible name of the key that switches the
                           * on-screen keyboard back to Arabic or Ukrainian letters */
                          ? _("Letters van uw taal")
                          /* Translators: accessible name of the key that switches the
                           * on-screen keyboard to the letters a to z */
                          : _("Letters A tot Z"));
      attach_key (grid, button, column, row, SPECIAL_COLUMNS, columns, mirror);
      column += SPECIAL_COLUMNS;
    }

  if (accents != NULL)
    {
      attach_key (grid, create_accents_key (accents), column, row, SPECIAL_COLUMNS, columns,
                  mirror);
      column += SPECIAL_COLUMNS;
    }

  /* Translators: the text on the space bar of the on-screen keyboard */
  button = gtk_button_new_with_label (_("spatie"));
  create_special_key (button, "space", "keyboard.type",
                      /* Translators: accessible name of the space bar */
                      _("Spatie"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", " ");
  attach_key (grid, button, column, row, space, columns, mirror);
  column += space;

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), baken_icon_new ("backspace", 48));
  create_special_key (button, "backspace", "keyboard.backspace",
                      /* Translators: accessible name of the key that takes away the
                       * last letter typed (backspace) */
                      _("Wissen"));
  attach_key (grid, button, column, row, SPECIAL_COLUMNS, columns, mirror);
  column += SPECIAL_COLUMNS;

  /* Translators: the key that empties the search text */
  button = gtk_button_new_with_label (_("Alles wissen"));
  create_special_key (button, "clear", "keyboard.clear", _("Alles wissen"));
  /* Two lines rather than wider than the key ("Видалити все"). */
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                         GTK_JUSTIFY_CENTER);
  attach_key (grid, button, column, row, CLEAR_COLUMNS, columns, mirror);
}

/* Half-key columns of the layout's widest row. */
static int
count_columns (const Layout *layout)
{
  int columns = 0;

  for (guint r = 0; r < G_N_ELEMENTS (layout->rows); r++)
    {
      g_auto(GStrv) letters = g_strsplit (layout->rows[r], " ", -1);

      columns = MAX (columns, 2 * (int) g_strv_length (letters));
    }

  return columns;
}

gboolean
baken_keyboard_keys_has_own_script (const char *language)
{
  return find_own_layout (language) != NULL;
}

GtkWidget *
baken_keyboard_keys_new_accent_row (const char *language,
                                    gboolean    latin)
{
  const Layout *layout = current_layout (language, latin);
  const Accents *accents = current_accents (language, latin);
  g_auto(GStrv) letters = NULL;
  GtkWidget *row;

  if (accents == NULL)
    return NULL;

  letters = g_strsplit (accents->keys, " ", -1);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_add_css_class (row, "accent-row");
  gtk_widget_set_direction (row, layout->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  for (guint i = 0; letters[i] != NULL; i++)
    gtk_box_append (GTK_BOX (row), create_letter_key (letters[i]));

  return row;
}

GtkWidget *
baken_keyboard_keys_new_grid (const char *language,
                              gboolean    latin)
{
  const Layout *layout = current_layout (language, latin);
  const Layout *own = find_own_layout (language);
  GtkWidget *grid;
  int columns;

  /* As wide as the widest row of either alphabet, so that the keys keep their size and
   * place when the alphabet changes. */
  columns = MAX (count_columns (&latin_layout), count_columns (layout));
  if (own != NULL)
    columns = MAX (columns, count_columns (own));

  grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_add_css_class (grid, "keys");
  gtk_widget_set_direction (grid, layout->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  attach_row (GTK_GRID (grid), digit_row, 0, columns, layout->rtl);
  for (guint r = 0; r < G_N_ELEMENTS (layout->rows); r++)
    attach_row (GTK_GRID (grid), layout->rows[r], (int) r + 1, columns, FALSE);
  attach_bottom_row (GTK_GRID (grid), language, latin, G_N_ELEMENTS (layout->rows) + 1,
                     columns);

  return grid;
}
