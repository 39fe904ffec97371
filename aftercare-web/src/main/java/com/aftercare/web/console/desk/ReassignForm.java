package com.aftercare.web.console.desk;

/** Where a supervisor sends an inquiry: exactly one of an operator ({@code assignee}) and a team. */
record ReassignForm(String assignee, String team) {

    boolean toOperator() {
        return assignee != null && !assignee.isBlank();
    }

    boolean toTeam() {
        return team != null && !team.isBlank();
    }
}
