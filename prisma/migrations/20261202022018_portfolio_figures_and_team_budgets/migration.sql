-- CreateTable
CREATE TABLE "PortfolioFigures" (
    "scenarioId" UUID NOT NULL,
    "planComputedAt" TIMESTAMP(3) NOT NULL,
    "planBandsComputedAt" TIMESTAMP(3),
    "figures" JSONB NOT NULL,

    CONSTRAINT "PortfolioFigures_pkey" PRIMARY KEY ("scenarioId")
);

-- CreateTable
CREATE TABLE "TeamBudget" (
    "revision" SERIAL NOT NULL,
    "team" TEXT NOT NULL,
    "previousRevision" INTEGER NOT NULL,
    "monthlyUsd" DECIMAL(16,2),
    "reason" TEXT NOT NULL DEFAULT '',
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamBudget_pkey" PRIMARY KEY ("revision")
);

-- CreateIndex
CREATE INDEX "TeamBudget_team_revision_idx" ON "TeamBudget"("team", "revision" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TeamBudget_team_previousRevision_key" ON "TeamBudget"("team", "previousRevision");

-- AddForeignKey
ALTER TABLE "PortfolioFigures" ADD CONSTRAINT "PortfolioFigures_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "ScenarioPlan"("scenarioId") ON DELETE CASCADE ON UPDATE CASCADE;
