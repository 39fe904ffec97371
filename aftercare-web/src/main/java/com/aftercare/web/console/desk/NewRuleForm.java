package com.aftercare.web.console.desk;

import com.aftercare.inquiry.AssignmentRules;
import com.aftercare.inquiry.AssignmentStrategy;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A new assignment rule; an empty channel, category or storefront matches any. */
record NewRuleForm(
        @NotNull @Min(0) @Max(AssignmentRules.MAX_POSITION) Integer position,
        Channel channel,
        Category category,
        Long storefront,
        @NotBlank String team,
        @NotNull AssignmentStrategy strategy) {

    static NewRuleForm empty(int position) {
        return new NewRuleForm(position, null, null, null, "", AssignmentStrategy.ROUND_ROBIN);
    }

    AssignmentRules.NewRule toRule(String by) {
        return new AssignmentRules.NewRule(position, channel, category, storefront, team, strategy, by);
    }
}
