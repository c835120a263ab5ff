package org.risala.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.risala.smpp.OperatorLinks;
import org.risala.smpp.SmppProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: who is signed in, and whether live traffic goes to the simulator. */
@ControllerAdvice
class LayoutAdvice {

    private final OperatorLinks operators;

    LayoutAdvice(OperatorLinks operators) {
        this.operators = operators;
    }

    /** true when the built-in simulator is the only operator: nothing sent from this instance reaches a phone */
    @ModelAttribute("simulatorMode")
    boolean simulatorMode() {
        return operatorNames().stream().allMatch(OperatorLinks.SIMULATOR::equals);
    }

    @ModelAttribute("simulatorRunning")
    boolean simulatorRunning() {
        return operatorNames().contains(OperatorLinks.SIMULATOR);
    }

    @ModelAttribute("currentUser")
    String currentUser() {
        Authentication auth = signedIn();
        return auth == null ? null : auth.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** ADMIN or SUPERVISOR: the subscriptions pages */
    @ModelAttribute("isSupervisor")
    boolean isSupervisor() {
        return has(Role.ADMIN) || has(Role.SUPERVISOR);
    }

    private static boolean has(Role role) {
        Authentication auth = signedIn();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** for aria-current in the navigation */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private List<String> operatorNames() {
        return operators.operators().stream().map(SmppProperties.Operator::name).toList();
    }

    private static Authentication signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth;
    }
}
