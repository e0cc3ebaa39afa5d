package io.agentcoach.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, wraps the application's data source in {@link TenantBindingDataSource}. H2 (the
 * embedded quickstart, a single organization's playground) has no row-level security and is left
 * as it is.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    @Bean
    static BeanPostProcessor tenantBindingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantBindingDataSource)
                        && isPostgres(dataSource)) {
                    return new TenantBindingDataSource(dataSource);
                }
                return bean;
            }
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }
}
