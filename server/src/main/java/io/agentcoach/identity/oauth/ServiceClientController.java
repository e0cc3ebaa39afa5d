package io.agentcoach.identity.oauth;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's service clients (client credentials), managed by its admins. */
@RestController
@RequestMapping("/api/organizations/{organizationId}/oauth-clients")
class ServiceClientController {

    private final ServiceClients clients;

    ServiceClientController(ServiceClients clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ServiceClients.Registered register(@PathVariable UUID organizationId, @Valid @RequestBody NewClient request) {
        return clients.register(organizationId, request.name().strip(), request.scopes());
    }

    @GetMapping
    List<ServiceClients.Client> list(@PathVariable UUID organizationId) {
        return clients.list(organizationId);
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID organizationId, @PathVariable String clientId) {
        clients.delete(organizationId, clientId);
    }

    record NewClient(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 10) Set<@NotBlank String> scopes) {
    }
}
