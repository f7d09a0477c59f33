/* baken-page.c: the base of the kiosk's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page is built for one context and one language, both given at construction and
 * fixed for the page's life: a new language builds new pages. Both are set before any
 * constructed() runs; this one asserts them, so a subclass may read them in its own
 * constructed() after chaining up.
 *
 * A subclass disposes its template and children first, then chains up; the context is
 * dropped here after that.
 */
#define G_LOG_DOMAIN "baken-page"

#include "config.h"

#include "baken-page.h"

#include "baken-bidi.h"
#include "baken-wrap.h"

typedef struct
{
  /* Inputs */
  BakenContext *context;   /* (owned) */
  char         *language;  /* (owned) */
} BakenPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BakenPage, baken_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
baken_page_constructed (GObject *object)
{
  BakenPage *self = BAKEN_PAGE (object);
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  G_OBJECT_CLASS (baken_page_parent_class)->constructed (object);

  g_assert (priv->context != NULL && priv->language != NULL);
}

static void
baken_page_dispose (GObject *object)
{
  BakenPage *self = BAKEN_PAGE (object);
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  g_clear_object (&priv->context);

  G_OBJECT_CLASS (baken_page_parent_class)->dispose (object);
}

static void
baken_page_finalize (GObject *object)
{
  BakenPage *self = BAKEN_PAGE (object);
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  g_free (priv->language);

  G_OBJECT_CLASS (baken_page_parent_class)->finalize (object);
}

static void
baken_page_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BakenPage *self = BAKEN_PAGE (object);
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    case PROP_LANGUAGE:
      priv->language = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_page_class_init (BakenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = baken_page_constructed;
  object_class->dispose = baken_page_dispose;
  object_class->finalize = baken_page_finalize;
  object_class->set_property = baken_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BAKEN_TYPE_CONTEXT,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_page_init (BakenPage *self)
{
}

/**
 * baken_page_get_context:
 * @self: a #BakenPage
 *
 * Returns: (transfer none): the context the page was built for; %NULL only after
 *   dispose
 */
BakenContext *
baken_page_get_context (BakenPage *self)
{
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  g_return_val_if_fail (BAKEN_IS_PAGE (self), NULL);

  return priv->context;
}

/**
 * baken_page_get_language:
 * @self: a #BakenPage
 *
 * Returns: the language code the page shows, such as `nl`
 */
const char *
baken_page_get_language (BakenPage *self)
{
  BakenPagePrivate *priv = baken_page_get_instance_private (self);

  g_return_val_if_fail (BAKEN_IS_PAGE (self), NULL);

  return priv->language;
}

GtkWidget *
baken_page_label_new (const char *text,
                      const char *css_class)
{
  g_autofree char *shown = baken_bidi_dup_text (text);
  GtkWidget *label = gtk_label_new (shown);

  baken_wrap_break_anywhere (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
baken_page_section_new (GtkBox     *parent,
                        const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (box, "status-section");
  gtk_box_append (GTK_BOX (box), baken_page_label_new (title, "section-title"));
  gtk_box_append (parent, box);

  return box;
}
