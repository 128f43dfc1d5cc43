-- AlterEnum
ALTER TYPE "CatalogVersionOrigin" ADD VALUE 'restored';
