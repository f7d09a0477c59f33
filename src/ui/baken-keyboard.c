/* baken-keyboard.c: the on-screen keyboard for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are built from the layout tables below: a row of digits and three rows of
 * letters on a grid of half-key columns (so the rows stagger as on a real keyboard), a
 * bottom row with the special keys, and above them a row of accented letters that one
 * key shows and hides (no long press: people do not know it, and it cannot be seen).
 * Arabic letters are laid out right to left whatever the direction of the rest of the
 * screen; the Latin letters and the digits always left to right. The bottom row keeps
 * the direction of the language's own letters in both alphabets, so that no key moves
 * under a finger when the alphabet changes ("A B C" must not become "Alles wissen").
 */
#define G_LOG_DOMAIN "baken-keyboard"

#include "config.h"

#include "baken-keyboard.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baken-icon.h"

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

struct _BakenKeyboard
{
  GtkWidget      parent_instance;

  /* Inputs */
  char          *language;      /* (owned) */

  /* State */
  char          *text;          /* (owned) never NULL */
  gboolean       show_accents;
  gboolean       latin;

  /* Children, rebuilt when the layout changes */
  GtkWidget     *accent_row;    /* (unowned) (nullable) */
  GtkWidget     *grid;          /* (unowned) */
};

G_DEFINE_FINAL_TYPE (BakenKeyboard, baken_keyboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_SHOW_ACCENTS,
  PROP_LATIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
current_layout (BakenKeyboard *self)
{
  const Layout *own = find_own_layout (self->language);

  return own != NULL && !self->latin ? own : &latin_layout;
}

static const Accents *
current_accents (BakenKeyboard *self)
{
  const Layout *layout = current_layout (self);

  for (guint i = 0; i < G_N_ELEMENTS (accents_table); i++)
    {
      const Accents *accents = &accents_table[i];

      /* The Latin keys of an Arabic or Ukrainian resident get the default accents. */
      if (accents->language == NULL ||
          (layout != &latin_layout && g_strcmp0 (accents->language, layout->code) == 0) ||
          (layout == &latin_layout && find_own_layout (self->language) == NULL &&
           g_strcmp0 (accents->language, self->language) == 0))
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), gtk_label_new (accents->label));
  /* Translators: a short word under the accented letters (é ë ï) on the key that shows
   * them on the on-screen keyboard; it says what the key is for */
  label = gtk_label_new (_("accenten"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "key-caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  create_special_key (button, "accents", "keyboard.accents",
                      /* Translators: accessible name of the key that shows the row of
                       * letters with accents (é ë ï) on the on-screen keyboard */
                      _("Letters met accenten"));

  return button;
}

static void
attach_bottom_row (BakenKeyboard  *self,
                   GtkGrid        *grid,
                   int             row,
                   int             columns)
{
  const Layout *own = find_own_layout (self->language);
  const Accents *accents = current_accents (self);
  /* In the direction of the language's own letters, whichever alphabet is shown. */
  gboolean mirror = (own != NULL && own->rtl) != current_layout (self)->rtl;
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
      button = gtk_toggle_button_new_with_label (self->latin
                                                 ? (own->rtl ? "أ ب ت" : "А Б В")
                                                 : "A B C");
      create_special_key (button, "alphabet", "keyboard.latin",
                          self->latin
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

static void
build_keys (BakenKeyboard *self)
{
  const Layout *layout = current_layout (self);
  const Accents *accents = current_accents (self);
  GtkTextDirection direction = layout->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  int columns = 0;

  g_clear_pointer (&self->accent_row, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  if (accents != NULL)
    {
      g_auto(GStrv) letters = g_strsplit (accents->keys, " ", -1);

      self->accent_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_set_homogeneous (GTK_BOX (self->accent_row), TRUE);
      gtk_widget_add_css_class (self->accent_row, "accent-row");
      gtk_widget_set_direction (self->accent_row, direction);
      gtk_widget_set_visible (self->accent_row, self->show_accents);
      for (guint i = 0; letters[i] != NULL; i++)
        gtk_box_append (GTK_BOX (self->accent_row), create_letter_key (letters[i]));
      gtk_widget_set_parent (self->accent_row, GTK_WIDGET (self));
    }

  /* As wide as the widest row of either alphabet, so that the keys keep their size and
   * place when the alphabet changes. */
  columns = MAX (count_columns (&latin_layout), count_columns (current_layout (self)));
  if (find_own_layout (self->language) != NULL)
    columns = MAX (columns, count_columns (find_own_layout (self->language)));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_add_css_class (self->grid, "keys");
  gtk_widget_set_direction (self->grid, direction);
  attach_row (GTK_GRID (self->grid), digit_row, 0, columns, layout->rtl);
  for (guint r = 0; r < G_N_ELEMENTS (layout->rows); r++)
    attach_row (GTK_GRID (self->grid), layout->rows[r], (int) r + 1, columns, FALSE);
  attach_bottom_row (self, GTK_GRID (self->grid), G_N_ELEMENTS (layout->rows) + 1, columns);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

static void
set_text_internal (BakenKeyboard *self,
                   char          *text)  /* (transfer full) */
{
  if (g_strcmp0 (self->text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->text);
  self->text = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
type_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  if (!g_utf8_validate (key, -1, NULL) || *key == '\0')
    return;

  /* No space at the start and never two: they only make the text harder to read. */
  if (g_str_equal (key, " ") && (*self->text == '\0' || g_str_has_suffix (self->text, " ")))
    return;

  if (g_utf8_strlen (self->text, -1) + g_utf8_strlen (key, -1) > BAKEN_KEYBOARD_MAX_CHARS)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  set_text_internal (self, g_strconcat (self->text, key, NULL));
}

static void
backspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);
  const char *last;

  if (*self->text == '\0')
    return;

  last = g_utf8_find_prev_char (self->text, self->text + strlen (self->text));
  set_text_internal (self, g_strndup (self->text, last - self->text));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);

  set_text_internal (self, g_strdup (""));
}

static void
baken_keyboard_constructed (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->constructed (object);

  if (self->language == NULL)
    self->language = g_strdup ("nl");

  build_keys (self);
}

static void
baken_keyboard_dispose (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  g_clear_pointer (&self->accent_row, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->dispose (object);
}

static void
baken_keyboard_finalize (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  g_free (self->language);
  g_free (self->text);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->finalize (object);
}

static void
baken_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, baken_keyboard_get_language (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, baken_keyboard_get_text (self));
      break;

    case PROP_SHOW_ACCENTS:
      g_value_set_boolean (value, baken_keyboard_get_show_accents (self));
      break;

    case PROP_LATIN:
      g_value_set_boolean (value, baken_keyboard_get_latin (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      baken_keyboard_set_text (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ACCENTS:
      baken_keyboard_set_show_accents (self, g_value_get_boolean (value));
      break;

    case PROP_LATIN:
      baken_keyboard_set_latin (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_keyboard_class_init (BakenKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_keyboard_constructed;
  object_class->dispose = baken_keyboard_dispose;
  object_class->finalize = baken_keyboard_finalize;
  object_class->get_property = baken_keyboard_get_property;
  object_class->set_property = baken_keyboard_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_ACCENTS] =
    g_param_spec_boolean ("show-accents", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_LATIN] =
    g_param_spec_boolean ("latin", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "keyboard.type", "s", type_action);
  gtk_widget_class_install_action (widget_class, "keyboard.backspace", NULL,
                                   backspace_action);
  gtk_widget_class_install_action (widget_class, "keyboard.clear", NULL, clear_action);
  gtk_widget_class_install_property_action (widget_class, "keyboard.accents",
                                            "show-accents");
  gtk_widget_class_install_property_action (widget_class, "keyboard.latin", "latin");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "keyboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_keyboard_init (BakenKeyboard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->text = g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the on-screen keyboard */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Toetsenbord"),
                                  -1);
}

GtkWidget *
baken_keyboard_new (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (BAKEN_TYPE_KEYBOARD,
                       "language", language,
                       NULL);
}

const char *
baken_keyboard_get_language (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), NULL);

  return self->language;
}

const char *
baken_keyboard_get_text (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), NULL);

  return self->text;
}

/**
 * baken_keyboard_set_text:
 *
 * Sets the text as if typed: invalid UTF-8 is made valid and the text is cut to
 * BAKEN_KEYBOARD_MAX_CHARS characters.
 */
void
baken_keyboard_set_text (BakenKeyboard *self,
                         const char    *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  if (g_utf8_strlen (valid, -1) > BAKEN_KEYBOARD_MAX_CHARS)
    {
      end = g_utf8_offset_to_pointer (valid, BAKEN_KEYBOARD_MAX_CHARS);
      valid[end - valid] = '\0';
    }

  set_text_internal (self, g_steal_pointer (&valid));
}

gboolean
baken_keyboard_get_show_accents (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return self->show_accents;
}

void
baken_keyboard_set_show_accents (BakenKeyboard *self,
                                 gboolean       show_accents)
{
  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  show_accents = !!show_accents;
  if (self->show_accents == show_accents)
    return;

  self->show_accents = show_accents;
  if (self->accent_row != NULL)
    gtk_widget_set_visible (self->accent_row, show_accents);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ACCENTS]);
}

gboolean
baken_keyboard_get_latin (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return self->latin;
}

void
baken_keyboard_set_latin (BakenKeyboard *self,
                          gboolean       latin)
{
  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  latin = !!latin;
  if (self->latin == latin || !baken_keyboard_has_own_script (self))
    return;

  self->latin = latin;
  build_keys (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATIN]);
}

gboolean
baken_keyboard_has_own_script (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return find_own_layout (self->language) != NULL;
}
