/* baken-context.c: what the UI runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-context"

#include "config.h"

#include "baken-context.h"

struct _BakenContext
{
  GObject       parent_instance;

  BakenConfig  *config;   /* (owned) */
  BakenCatalog *catalog;  /* (owned) */
};

G_DEFINE_FINAL_TYPE (BakenContext, baken_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONFIG,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
baken_context_dispose (GObject *object)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (baken_context_parent_class)->dispose (object);
}

static void
baken_context_finalize (GObject *object)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  g_clear_pointer (&self->config, baken_config_unref);

  G_OBJECT_CLASS (baken_context_parent_class)->finalize (object);
}

static void
baken_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      g_value_set_boxed (value, baken_context_get_config (self));
      break;

    case PROP_CATALOG:
      g_value_set_object (value, baken_context_get_catalog (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      self->config = g_value_dup_boxed (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_context_class_init (BakenContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_context_dispose;
  object_class->finalize = baken_context_finalize;
  object_class->get_property = baken_context_get_property;
  object_class->set_property = baken_context_set_property;

  properties[PROP_CONFIG] =
    g_param_spec_boxed ("config", NULL, NULL,
                        baken_config_get_type (),
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         BAKEN_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_context_init (BakenContext *self)
{
}

BakenContext *
baken_context_new (BakenConfig  *config,
                   BakenCatalog *catalog)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);

  return g_object_new (BAKEN_TYPE_CONTEXT,
                       "config", config,
                       "catalog", catalog,
                       NULL);
}

/**
 * baken_context_load:
 *
 * The embedded demo content is looked up in the GResource, which keeps it in the
 * program's read-only data: SQLite reads it in place, nothing is copied.
 */
BakenContext *
baken_context_load (BakenConfig  *config,
                    GError      **error)
{
  g_autoptr(BakenCatalog) catalog = NULL;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (config->content_path != NULL)
    {
      catalog = baken_catalog_new_for_path (config->content_path, error);
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (BAKEN_DEMO_CONTENT_RESOURCE,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;

      catalog = baken_catalog_new_for_bytes (bytes, error);
    }

  if (catalog == NULL)
    return NULL;

  return baken_context_new (config, catalog);
}

BakenConfig *
baken_context_get_config (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->config;
}

BakenCatalog *
baken_context_get_catalog (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->catalog;
}
