package org.risala.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.risala.smpp.OperatorLinks;
import org.risala.smpp.SmppProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the page layout needs on every page: who is signed in, and whether live traffic goes to the simulator. Added
 * when a page is rendered, not as model attributes of a controller advice: those would be worked out for every API
 * call as well, a tenth of the cost of sending one message.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    private final OperatorLinks operators;

    LayoutModel(OperatorLinks operators) {
        this.operators = operators;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || isRedirect(page)) {
            // an API answer, or a redirect, whose model would become query parameters
            return;
        }
        List<String> names = operators.operators().stream().map(SmppProperties.Operator::name).toList();
        Authentication user = signedIn();
        // true when the built-in simulator is the only operator: nothing sent from this instance reaches a phone
        page.addObject("simulatorMode", names.stream().allMatch(OperatorLinks.SIMULATOR::equals));
        page.addObject("simulatorRunning", names.contains(OperatorLinks.SIMULATOR));
        page.addObject("currentUser", user == null ? null : user.getName());
        page.addObject("isAdmin", has(user, Role.ADMIN));
        // ADMIN or SUPERVISOR: the subscriptions pages
        page.addObject("isSupervisor", has(user, Role.ADMIN) || has(user, Role.SUPERVISOR));
        // for aria-current in the navigation
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static boolean isRedirect(ModelAndView page) {
        return page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"));
    }

    private static boolean has(Authentication user, Role role) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    private static Authentication signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth;
    }
}
