-- CreateEnum
CREATE TYPE "CatalogVersionOrigin" AS ENUM ('bundled', 'csvImport');

-- CreateEnum
CREATE TYPE "CatalogItemKind" AS ENUM ('instanceType', 'storageTier', 'dataTransfer', 'commitment');

-- CreateEnum
CREATE TYPE "CatalogOverrideKind" AS ENUM ('providerDiscount', 'itemPrice');

-- CreateEnum
CREATE TYPE "CatalogOverrideAction" AS ENUM ('set', 'reset');

-- CreateTable
CREATE TABLE "CatalogVersion" (
    "version" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "origin" "CatalogVersionOrigin" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "CatalogItem" (
    "version" TEXT NOT NULL,
    "kind" "CatalogItemKind" NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "priceField" TEXT NOT NULL,
    "price" DECIMAL(20,10) NOT NULL,
    "currency" TEXT,
    "source" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "CatalogItem_pkey" PRIMARY KEY ("version","kind","itemId")
);

-- CreateTable
CREATE TABLE "CatalogOverride" (
    "revision" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "previousRevision" INTEGER NOT NULL,
    "kind" "CatalogOverrideKind" NOT NULL,
    "action" "CatalogOverrideAction" NOT NULL,
    "provider" TEXT NOT NULL,
    "itemId" TEXT,
    "field" TEXT,
    "value" DECIMAL(20,10),
    "currency" TEXT,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogOverride_pkey" PRIMARY KEY ("revision")
);

-- CreateIndex
CREATE INDEX "CatalogVersion_createdAt_idx" ON "CatalogVersion"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "CatalogItem_version_kind_position_idx" ON "CatalogItem"("version", "kind", "position");

-- CreateIndex
CREATE INDEX "CatalogOverride_key_revision_idx" ON "CatalogOverride"("key", "revision" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogOverride_key_previousRevision_key" ON "CatalogOverride"("key", "previousRevision");

-- AddForeignKey
ALTER TABLE "CatalogItem" ADD CONSTRAINT "CatalogItem_version_fkey" FOREIGN KEY ("version") REFERENCES "CatalogVersion"("version") ON DELETE CASCADE ON UPDATE CASCADE;
