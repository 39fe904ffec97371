package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.Priority;

/** The inquiry's new priority; an unknown one fails binding, none is refused by the facade. */
record PriorityForm(Priority priority) {}
