package org.risala.subscriptions;

/**
 * What an operator reported of one billing record, from its reconciliation of the export: a charge it could not
 * collect ({@code FAILED}, with its reason), or one it collected after all ({@code CHARGED}).
 *
 * @param recordId the billing record's id, as the export gives it
 */
public record ChargeReport(long recordId, ChargeStatus status, String reason) {

    public enum ChargeStatus {
        CHARGED,
        FAILED
    }

    /**
     * What a report changed.
     *
     * @param outcome UPDATED, UNCHANGED (the record already had that status) or UNKNOWN (no such record)
     */
    public record Result(long recordId, String outcome) {
    }
}
