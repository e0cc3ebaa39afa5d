package io.agentcoach.identity.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
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

/** The caller's own API keys. Managing keys needs the {@code profile} scope. */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    private final ApiKeys keys;
    private final CurrentUsers users;

    ApiKeyController(ApiKeys keys, CurrentUsers users) {
        this.keys = keys;
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.Created create(@Valid @RequestBody NewKey request) {
        return keys.create(users.require(Scopes.PROFILE), request.name().strip(), request.scopes(),
                request.expiresAt());
    }

    @GetMapping
    List<ApiKeys.ApiKey> list() {
        return keys.list(users.require(Scopes.PROFILE));
    }

    @DeleteMapping("/{id}")
    ApiKeys.ApiKey revoke(@PathVariable UUID id) {
        return keys.revoke(users.require(Scopes.PROFILE), id);
    }

    record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 20) Set<@NotBlank String> scopes,
            Instant expiresAt) {
    }
}
