-- CreateEnum
CREATE TYPE "WorkloadKind" AS ENUM ('streaming', 'batch');

-- CreateTable
CREATE TABLE "WorkloadProfile" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "WorkloadKind" NOT NULL,
    "spec" JSONB NOT NULL,
    "specSchemaVersion" INTEGER NOT NULL DEFAULT 1,
    "peakEventsPerSec" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkloadProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" UUID NOT NULL,
    "workloadId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "spec" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkloadProfile_deletedAt_name_idx" ON "WorkloadProfile"("deletedAt", "name");

-- CreateIndex
CREATE INDEX "WorkloadProfile_deletedAt_team_name_idx" ON "WorkloadProfile"("deletedAt", "team", "name");

-- CreateIndex
CREATE INDEX "WorkloadProfile_deletedAt_updatedAt_idx" ON "WorkloadProfile"("deletedAt", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "WorkloadProfile_deletedAt_peakEventsPerSec_idx" ON "WorkloadProfile"("deletedAt", "peakEventsPerSec" DESC);

-- CreateIndex
CREATE INDEX "WorkloadProfile_tags_idx" ON "WorkloadProfile" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Scenario_workloadId_idx" ON "Scenario"("workloadId");

-- CreateIndex
CREATE INDEX "Scenario_deletedAt_updatedAt_idx" ON "Scenario"("deletedAt", "updatedAt" DESC);

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "WorkloadProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
